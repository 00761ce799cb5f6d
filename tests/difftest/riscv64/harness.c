/* The riscv64 difftest harness: a freestanding static program (no libc) that reads test
 * cases from stdin, runs each one's instruction with the case's register state and memory
 * window, and writes the resulting state to stdout. The same binary runs under qemu-riscv64
 * and tsqemu-riscv64; src/difftest/ compares the two output streams.
 *
 * stdout starts with a header (struct header), then one struct case_out per case read.
 * Every output record is written as soon as its case has run, so if the emulator dies on a
 * case, every earlier case's result has been delivered. */
#include <stdint.h>
#include "state.h"

typedef unsigned long size_t;

#define SLOT_WORDS 4
#define NOP 0x00000013u   /* addi x0, x0, 0 */
#define C_NOP 0x0001u

struct case_in {
  uint32_t words[SLOT_WORDS]; /* run in order from test_slot (NOP-filled) */
  uint8_t state[STATE_SIZE];
};

struct case_out {
  uint32_t status;      /* 0: ran; else the signal that interrupted the instruction */
  uint32_t info;        /* ran: 1 if the instruction branched to test_slot + 20;
                           signal: 1 if it came from the test instruction itself */
  uint64_t fault_addr;  /* si_addr of that signal */
  uint8_t state[STATE_SIZE];
};

struct header {
  char magic[8];
  uint32_t version;
  uint32_t machine;     /* ELF e_machine */
  uint32_t in_size;
  uint32_t out_size;
  uint32_t state_size;
  uint32_t window_size;
  uint64_t window_addr;
  uint64_t slot_addr;
};

extern int run_case(const uint8_t *in, uint8_t *out);
extern void fault_entry(int, void *, void *);
extern void sync_slot(void);
extern uint32_t test_slot[];
extern uint64_t host_save[];
extern const uint64_t exit_table[31][2];

/* The window straddles a page boundary, so accesses that cross pages are exercised. */
static uint8_t window_area[8192] __attribute__((aligned(4096)));
#define WINDOW (window_area + 4096 - WINDOW_SIZE / 2)

static uint8_t alt_stack[65536] __attribute__((aligned(16)));
static uint8_t in_buf[1 << 16];
static struct case_out out;

static long syscall4(long n, long a, long b, long c, long d) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  register long a2 __asm__("a2") = c;
  register long a3 __asm__("a3") = d;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3) : "memory");
  return a0;
}

#define syscall3(n, a, b, c) syscall4(n, a, b, c, 0)

#define SYS_read 63
#define SYS_write 64
#define SYS_sigaltstack 132
#define SYS_rt_sigaction 134

/* The compiler may emit calls to these for copies and clears. */
void *memcpy(void *d, const void *s, size_t n) {
  uint8_t *dp = d;
  const uint8_t *sp = s;
  while (n--) *dp++ = *sp++;
  return d;
}

void *memset(void *d, int c, size_t n) {
  uint8_t *dp = d;
  while (n--) *dp++ = (uint8_t)c;
  return d;
}

static void write_all(const void *p, size_t n) {
  const uint8_t *b = p;
  while (n > 0) {
    long r = syscall3(SYS_write, 1, (long)b, (long)n);
    if (r == -4) continue; /* EINTR */
    if (r <= 0) syscall3(93, 3, 0, 0);
    b += r;
    n -= (size_t)r;
  }
}

/* riscv64 has no SA_RESTORER: handler, flags, mask. */
struct kernel_sigaction {
  void (*handler)(int, void *, void *);
  unsigned long flags;
  uint64_t mask;
};

struct stack_t_ {
  void *sp;
  int flags;
  size_t size;
};

#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_NODEFER 0x40000000

static void install_handlers(void) {
  struct stack_t_ ss = { alt_stack, 0, sizeof alt_stack };
  syscall3(SYS_sigaltstack, (long)&ss, 0, 0);
  static const int sigs[] = { 4 /* ILL */, 5 /* TRAP */, 7 /* BUS */, 8 /* FPE */, 11 /* SEGV */ };
  for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct kernel_sigaction sa = { fault_entry, SA_SIGINFO | SA_ONSTACK | SA_NODEFER, 0 };
    syscall4(SYS_rt_sigaction, sigs[i], (long)&sa, 0, 8);
  }
}

/* jal x0, target, placed at `at`. */
static uint32_t jump(uint64_t at, uint64_t target) {
  uint32_t off = (uint32_t)(target - at);
  return ((off >> 20 & 1) << 31) | ((off >> 1 & 0x3ff) << 21) | ((off >> 11 & 1) << 20) | (off & 0xff000) | 0x6f;
}

static uint32_t get32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

int main(void) {
  install_handlers();
  struct header h = {
    { 'T', 'S', 'D', 'I', 'F', 'F', 'T', '1' }, 2, 243, sizeof(struct case_in), sizeof(struct case_out),
    STATE_SIZE, WINDOW_SIZE, (uint64_t)(uintptr_t)WINDOW, (uint64_t)(uintptr_t)test_slot,
  };
  write_all(&h, sizeof h);
  uint64_t slot = (uint64_t)(uintptr_t)test_slot;
  size_t have = 0, pos = 0;
  for (;;) {
    if (have - pos < sizeof(struct case_in)) {
      memcpy(in_buf, in_buf + pos, have - pos);
      have -= pos;
      pos = 0;
      while (have < sizeof(struct case_in)) {
        long r = syscall3(SYS_read, 0, (long)(in_buf + have), (long)(sizeof in_buf - have));
        if (r == -4) continue;
        if (r <= 0) return have == 0 ? 0 : 2; /* end of input (a partial case is an error) */
        have += (size_t)r;
      }
    }
    const struct case_in *c = (const struct case_in *)(in_buf + pos);
    pos += sizeof(struct case_in);
    memcpy(WINDOW, c->state + OFF_MEM, WINDOW_SIZE);
    for (int i = 0; i < SLOT_WORDS; i++) {
      uint32_t w = c->words[i];
      /* a 16-bit instruction: c.nop fills the rest of its word */
      test_slot[i] = (w & 3) != 3 && (w >> 16) == 0 ? w | C_NOP << 16 : w;
    }
    uint32_t k = get32(c->state + OFF_SCRATCH);
    if (k < 1 || k > 31) k = 31;
    test_slot[SLOT_WORDS] = jump(slot + 4 * SLOT_WORDS, exit_table[k - 1][0]);
    test_slot[SLOT_WORDS + 1] = jump(slot + 4 * SLOT_WORDS + 4, exit_table[k - 1][1]);
    sync_slot();
    memset(&out, 0, sizeof out);
    host_save[HS_FAULT_ADDR / 8] = 0;
    host_save[HS_FAULT_PC / 8] = 0;
    int status = run_case(c->state, out.state);
    out.status = (uint32_t)status;
    if (!status) {
      out.info = host_save[HS_TAKEN / 8] != 0;
      /* the scratch register: not named by the instruction, so its input is its output */
      memcpy(out.state + OFF_X + 8 * k, c->state + OFF_X + 8 * k, 8);
      memset(out.state + OFF_X, 0, 8);
      memcpy(out.state + OFF_SCRATCH, c->state + OFF_SCRATCH, 4);
      memcpy(out.state + OFF_RESERVE, c->state + OFF_RESERVE, 8);
    } else {
      uint64_t pc = host_save[HS_FAULT_PC / 8];
      out.info = pc >= slot && pc < slot + 4 * SLOT_WORDS ? 1 : 2;
      out.fault_addr = host_save[HS_FAULT_ADDR / 8];
    }
    memcpy(out.state + OFF_MEM, WINDOW, WINDOW_SIZE);
    write_all(&out, sizeof out);
  }
}

// Runs one riscv64 instruction (16 or 32 bits) per input line on the guest CPU
// (qemu-riscv64) and prints a0, ft0 and fcsr afterwards. Built and driven by gen.mjs.
// Input line (hex): word fcsr a0 a1 a2 a3 ft0 ft1 ft2 ft3
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
typedef struct { uint64_t x[4]; uint64_t f[4]; uint64_t fcsr; } St;
extern void run_insn(St *s, void *code);
__asm__(
".global run_insn\n"
"run_insn:\n"
" addi sp, sp, -32\n sd ra, 0(sp)\n sd s0, 8(sp)\n sd a1, 16(sp)\n mv s0, a0\n"
" ld t0, 64(s0)\n fscsr t0\n"
" fld ft0, 32(s0)\n fld ft1, 40(s0)\n fld ft2, 48(s0)\n fld ft3, 56(s0)\n"
" ld a0, 0(s0)\n ld a1, 8(s0)\n ld a2, 16(s0)\n ld a3, 24(s0)\n"
" ld t1, 16(sp)\n jalr ra, 0(t1)\n"
" sd a0, 0(s0)\n fsd ft0, 32(s0)\n frcsr t0\n sd t0, 64(s0)\n fscsr zero\n"
" ld ra, 0(sp)\n ld s0, 8(sp)\n addi sp, sp, 32\n ret\n");
int main(void) {
  uint8_t *code = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char line[1024];
  while (fgets(line, sizeof line, stdin)) {
    St s;
    unsigned word;
    unsigned long long v[9];
    if (sscanf(line, "%x %llx %llx %llx %llx %llx %llx %llx %llx %llx", &word, &v[8], &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) != 10) continue;
    memcpy(s.x, v, 4 * 8);
    memcpy(s.f, v + 4, 4 * 8);
    s.fcsr = v[8];
    int n = (word & 3) == 3 ? 4 : 2;
    memcpy(code, &word, n);
    uint32_t ret = 0x00008067;
    memcpy(code + n, &ret, 4);
    __builtin___clear_cache((char *)code, (char *)code + 8);
    run_insn(&s, code);
    printf("%016llx %016llx %llx\n", (unsigned long long)s.x[0], (unsigned long long)s.f[0], (unsigned long long)s.fcsr);
  }
  return 0;
}

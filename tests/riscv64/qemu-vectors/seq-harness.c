// Runs a sequence of riscv64 integer instructions per input line on the guest CPU
// (qemu-riscv64) and prints the twelve registers it works on afterwards. Built and driven
// by gen-seq.mjs. Input line (hex): count word... then a0..a7 s2..s5.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
typedef struct { uint64_t r[12]; } St;
extern void run_seq(St *s, void *code);
__asm__(
".global run_seq\n"
"run_seq:\n"
" addi sp, sp, -64\n sd ra, 0(sp)\n sd s0, 8(sp)\n sd s2, 16(sp)\n sd s3, 24(sp)\n sd s4, 32(sp)\n sd s5, 40(sp)\n sd a1, 48(sp)\n"
" mv s0, a0\n"
" ld a0, 0(s0)\n ld a1, 8(s0)\n ld a2, 16(s0)\n ld a3, 24(s0)\n ld a4, 32(s0)\n ld a5, 40(s0)\n ld a6, 48(s0)\n ld a7, 56(s0)\n"
" ld s2, 64(s0)\n ld s3, 72(s0)\n ld s4, 80(s0)\n ld s5, 88(s0)\n"
" ld t1, 48(sp)\n jalr ra, 0(t1)\n"
" sd a0, 0(s0)\n sd a1, 8(s0)\n sd a2, 16(s0)\n sd a3, 24(s0)\n sd a4, 32(s0)\n sd a5, 40(s0)\n sd a6, 48(s0)\n sd a7, 56(s0)\n"
" sd s2, 64(s0)\n sd s3, 72(s0)\n sd s4, 80(s0)\n sd s5, 88(s0)\n"
" ld ra, 0(sp)\n ld s0, 8(sp)\n ld s2, 16(sp)\n ld s3, 24(sp)\n ld s4, 32(sp)\n ld s5, 40(sp)\n addi sp, sp, 64\n ret\n");
int main(void) {
  uint8_t *code = mmap(0, 65536, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  static char line[65536];
  while (fgets(line, sizeof line, stdin)) {
    char *p = line, *end;
    unsigned long n = strtoul(p, &end, 16);
    p = end;
    size_t off = 0;
    for (unsigned long i = 0; i < n; i++) {
      unsigned long w = strtoul(p, &end, 16);
      p = end;
      size_t len = (w & 3) == 3 ? 4 : 2;
      memcpy(code + off, &w, len);
      off += len;
    }
    uint32_t ret = 0x00008067;
    memcpy(code + off, &ret, 4);
    __builtin___clear_cache((char *)code, (char *)code + off + 4);
    St s;
    for (int i = 0; i < 12; i++) { s.r[i] = strtoull(p, &end, 16); p = end; }
    run_seq(&s, code);
    for (int i = 0; i < 12; i++) printf(i ? " %llx" : "%llx", (unsigned long long)s.r[i]);
    printf("\n");
  }
  return 0;
}

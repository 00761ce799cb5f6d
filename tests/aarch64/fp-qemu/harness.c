// Runs one A64 instruction word per input line on the host CPU (qemu-aarch64) and prints
// v0 (low, high), x0, NZCV and FPSR afterwards. Built and driven by gen.mjs.
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
typedef struct { uint64_t v[8]; uint64_t x[4]; uint64_t fpcr, nzcv, fpsr; } St;
extern void run_insn(St *s, void *code);
__asm__(
".global run_insn\n"
"run_insn:\n"
" stp x29, x30, [sp, -32]!\n"
" stp x19, x20, [sp, 16]\n"
" mov x19, x0\n mov x20, x1\n"
" ldr x9, [x19, #96]\n msr fpcr, x9\n msr fpsr, xzr\n"
" ldp q0, q1, [x19]\n ldp q2, q3, [x19, #32]\n"
" ldp x0, x1, [x19, #64]\n ldp x2, x3, [x19, #80]\n"
" ldr x9, [x19, #104]\n msr nzcv, x9\n"
" blr x20\n"
" mrs x9, nzcv\n str x9, [x19, #104]\n"
" mrs x9, fpsr\n str x9, [x19, #112]\n"
" msr fpcr, xzr\n"
" stp q0, q1, [x19]\n stp q2, q3, [x19, #32]\n"
" stp x0, x1, [x19, #64]\n stp x2, x3, [x19, #80]\n"
" ldp x19, x20, [sp, 16]\n ldp x29, x30, [sp], 32\n ret\n");
int main(void) {
  uint32_t *code = mmap(0, 4096, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
  char line[1024];
  while (fgets(line, sizeof line, stdin)) {
    St s; memset(&s, 0, sizeof s);
    unsigned word; unsigned long long fpcr, nzcv;
    if (sscanf(line, "%x %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx %llx", &word, &fpcr, &nzcv,
      (unsigned long long*)&s.v[0], (unsigned long long*)&s.v[1], (unsigned long long*)&s.v[2], (unsigned long long*)&s.v[3],
      (unsigned long long*)&s.v[4], (unsigned long long*)&s.v[5], (unsigned long long*)&s.v[6], (unsigned long long*)&s.v[7],
      (unsigned long long*)&s.x[0], (unsigned long long*)&s.x[1], (unsigned long long*)&s.x[2], (unsigned long long*)&s.x[3]) != 15) continue;
    s.fpcr = fpcr; s.nzcv = nzcv << 28;
    code[0] = word; code[1] = 0xd65f03c0;
    __builtin___clear_cache((char*)code, (char*)(code + 2));
    run_insn(&s, code);
    printf("%016llx %016llx %016llx %x %llx\n", (unsigned long long)s.v[0], (unsigned long long)s.v[1],
      (unsigned long long)s.x[0], (unsigned)(s.nzcv >> 28), (unsigned long long)s.fpsr);
  }
  return 0;
}

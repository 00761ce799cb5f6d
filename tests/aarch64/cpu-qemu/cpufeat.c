/* cpufeat: what a program sees of the CPU model (-cpu): AT_HWCAP and AT_HWCAP2, the ID
 * registers Linux emulates for EL0 (when HWCAP_CPUID says it does), then one LSE atomic
 * (LDADD), which kills the process with SIGILL on a CPU without FEAT_LSE. Freestanding
 * (no libc) so the binary stays small; build.sh builds it, record.sh records goldens. */
typedef unsigned long u64;

static long sys3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n, x0 __asm__("x0") = a, x1 __asm__("x1") = b, x2 __asm__("x2") = c;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
}

static char buf[512];
static int len;

static void put(const char *s) { while (*s) buf[len++] = *s++; }

static void hex(u64 v) {
  char t[17];
  int i = 16;
  t[i] = 0;
  do { t[--i] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
  put("0x");
  put(t + i);
}

static void flush(void) { sys3(64, 1, (long)buf, len); len = 0; }

#define MRS(name) ({ u64 v; __asm__ volatile("mrs %0, " #name : "=r"(v)); v; })

static u64 counter = 5;

void entry(u64 *sp) {
  u64 argc = sp[0], *p = sp + 1 + argc + 1, hwcap = 0, hwcap2 = 0;
  while (*p) p++; /* envp */
  for (p++; p[0]; p += 2) {
    if (p[0] == 16) hwcap = p[1];
    if (p[0] == 26) hwcap2 = p[1];
  }
  put("hwcap="); hex(hwcap); put(" hwcap2="); hex(hwcap2); put("\n");
  if (hwcap & (1 << 11)) {
    put("midr="); hex(MRS(midr_el1)); put(" mpidr="); hex(MRS(mpidr_el1)); put(" revidr="); hex(MRS(revidr_el1)); put("\n");
    put("pfr0="); hex(MRS(id_aa64pfr0_el1)); put(" pfr1="); hex(MRS(id_aa64pfr1_el1));
    put(" isar0="); hex(MRS(id_aa64isar0_el1)); put(" isar1="); hex(MRS(id_aa64isar1_el1));
    put(" mmfr2="); hex(MRS(s3_0_c0_c7_2)); put(" unnamed="); hex(MRS(s3_0_c0_c7_7)); put("\n");
  }
  put("ldadd:");
  flush();
  u64 old;
  __asm__ volatile(".arch_extension lse\n ldadd %1, %0, [%2]" : "=r"(old) : "r"(3UL), "r"(&counter) : "memory");
  put(" old="); hex(old); put(" new="); hex(counter); put("\n");
  flush();
  sys3(93, 0, 0, 0);
}

__asm__(".global _start\n_start:\n mov x0, sp\n bl entry\n");

// Exclusive, acquire/release and atomic accesses (aarch64: LDXR..., LDAR/STLR, LSE;
// riscv64: LR/SC, AMOs) must be aligned to their size:
// a misaligned one is SIGBUS with BUS_ADRALN and si_addr the address; plain loads and
// stores of the same addresses are fine. Each attempt recovers through siglongjmp.
// (A misaligned STXR faults on hardware too, but qemu fails it without a fault when the
// monitor is not open, so it is left out of this qemu-recorded program.)
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf back;
static volatile uintptr_t fault_addr;
static volatile int fault_sig, fault_code;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    fault_sig = sig;
    fault_code = si->si_code;
    fault_addr = (uintptr_t)si->si_addr;
    siglongjmp(back, 1);
}

static _Alignas(64) unsigned char buf[128];

#define TRY(name, offset, asm_stmt)                                                         \
    do {                                                                                    \
        unsigned char *p = buf + 16 + (offset);                                             \
        uint64_t v = 0, w = 0;                                                              \
        (void)v; (void)w;                                                                   \
        fault_sig = 0;                                                                      \
        if (sigsetjmp(back, 1) == 0) {                                                      \
            asm_stmt;                                                                       \
            printf("%-8s +%-2d ok\n", name, offset);                                        \
        } else {                                                                            \
            printf("%-8s +%-2d signal %d code %d at +%ld\n", name, offset, fault_sig,        \
                   fault_code, (long)(fault_addr - (uintptr_t)(buf + 16)));                 \
        }                                                                                   \
    } while (0)

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);

    int offsets[] = {0, 1, 2, 4, 8};
    for (unsigned i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
        int o = offsets[i];
#if defined(__aarch64__)
        TRY("ldr", o, asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(p) : "memory"));
        TRY("ldxr", o, asm volatile("ldxr %0, [%1]\n clrex" : "=r"(v) : "r"(p) : "memory"));
        TRY("ldxrw", o, asm volatile("ldxr %w0, [%1]\n clrex" : "=r"(v) : "r"(p) : "memory"));
        TRY("ldxrh", o, asm volatile("ldxrh %w0, [%1]\n clrex" : "=r"(v) : "r"(p) : "memory"));
        TRY("ldxp", o, asm volatile("ldxp %0, %1, [%2]\n clrex" : "=&r"(v), "=&r"(w) : "r"(p) : "memory"));
        TRY("ldar", o, asm volatile("ldar %0, [%1]" : "=r"(v) : "r"(p) : "memory"));
        TRY("stlrw", o, asm volatile("stlr %w0, [%1]" : : "r"(w), "r"(p) : "memory"));
        TRY("ldadd", o, asm volatile(".arch armv8.1-a\n ldadd %1, %0, [%2]" : "=r"(v) : "r"(w), "r"(p) : "memory"));
        TRY("swpw", o, asm volatile(".arch armv8.1-a\n swp %w1, %w0, [%2]" : "=r"(v) : "r"(w), "r"(p) : "memory"));
        TRY("cas", o, asm volatile(".arch armv8.1-a\n cas %0, %1, [%2]" : "+r"(v) : "r"(w), "r"(p) : "memory"));
        TRY("casp", o, asm volatile(".arch armv8.1-a\n casp x4, x5, x6, x7, [%0]" : : "r"(p) : "x4", "x5", "x6", "x7", "memory"));
#elif defined(__riscv)
        TRY("ld", o, asm volatile("ld %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"));
        TRY("lr.d", o, asm volatile("lr.d %0, (%1)" : "=r"(v) : "r"(p) : "memory"));
        TRY("lr.w", o, asm volatile("lr.w %0, (%1)" : "=r"(v) : "r"(p) : "memory"));
        TRY("amoadd.d", o, asm volatile("amoadd.d %0, %1, (%2)" : "=r"(v) : "r"(w), "r"(p) : "memory"));
        TRY("amoswap.w", o, asm volatile("amoswap.w %0, %1, (%2)" : "=r"(v) : "r"(w), "r"(p) : "memory"));
        TRY("amomax.d", o, asm volatile("amomax.d %0, %1, (%2)" : "=r"(v) : "r"(w), "r"(p) : "memory"));
#endif
    }
    return 0;
}

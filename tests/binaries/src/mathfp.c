/*
 * mathfp: double and float arithmetic, libm basics, rounding functions and
 * int<->float conversions.  Inputs go through volatile variables so the
 * work happens at run time.  Built with -ffp-contract=off: no fused
 * multiply-adds.  Results are printed as %.17g / %.9g and %a, and NaN sign
 * bits are shown explicitly (AArch64 generates the positive default NaN).
 *
 * Out-of-range float->int conversions are undefined behaviour in C, so the
 * C casts below stay in range; the saturating behaviour of the AArch64
 * conversion instructions is exercised with explicit fcvtzs/fcvtzu (RISC-V:
 * fcvt.{l,lu,w,wu}.{d,s} with rtz, where NaN converts to the largest value).
 * On RISC-V a further section checks the accrued flags (fflags), static
 * rounding modes, NaN-boxing and the canonical NaN instruction by instruction.
 */
#include <fenv.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static void pd(const char *label, double d)
{
    printf("%-22s %.17g  %a  [%016" PRIx64 "]\n", label, d, d, dbits(d));
}

static void pf(const char *label, float f)
{
    printf("%-22s %.9g  %a  [%08" PRIx32 "]\n", label, (double)f, (double)f, fbits(f));
}

#if defined(__riscv)
static int64_t fcvtzs_d(double d)
{
    int64_t r;
    __asm__("fcvt.l.d %0, %1, rtz" : "=r"(r) : "f"(d));
    return r;
}

static uint64_t fcvtzu_d(double d)
{
    uint64_t r;
    __asm__("fcvt.lu.d %0, %1, rtz" : "=r"(r) : "f"(d));
    return r;
}

static int32_t fcvtzs_w(double d)
{
    int32_t r;
    __asm__("fcvt.w.d %0, %1, rtz" : "=r"(r) : "f"(d));
    return r;
}

static uint32_t fcvtzu_w(double d)
{
    uint32_t r;
    __asm__("fcvt.wu.d %0, %1, rtz" : "=r"(r) : "f"(d));
    return r;
}

static int32_t fcvtzs_ws(float f)
{
    int32_t r;
    __asm__("fcvt.w.s %0, %1, rtz" : "=r"(r) : "f"(f));
    return r;
}
#else
static int64_t fcvtzs_d(double d)
{
    int64_t r;
    __asm__("fcvtzs %0, %d1" : "=r"(r) : "w"(d));
    return r;
}

static uint64_t fcvtzu_d(double d)
{
    uint64_t r;
    __asm__("fcvtzu %0, %d1" : "=r"(r) : "w"(d));
    return r;
}

static int32_t fcvtzs_w(double d)
{
    int32_t r;
    __asm__("fcvtzs %w0, %d1" : "=r"(r) : "w"(d));
    return r;
}

static uint32_t fcvtzu_w(double d)
{
    uint32_t r;
    __asm__("fcvtzu %w0, %d1" : "=r"(r) : "w"(d));
    return r;
}

static int32_t fcvtzs_ws(float f)
{
    int32_t r;
    __asm__("fcvtzs %w0, %s1" : "=r"(r) : "w"(f));
    return r;
}
#endif

static void arithmetic(void)
{
    volatile double a = 1.0, b = 3.0, c = 0.1, d = 0.2, e = 1e308, t = 1e-308, z = 0.0;
    printf("== double arithmetic\n");
    pd("1/3", a / b);
    pd("0.1+0.2", c + d);
    pd("0.1*3", c * b);
    pd("0.2-0.1", d - c);
    pd("(0.1+0.2)-0.3", (c + d) - 0.3);
    pd("1e308*10", e * 10.0);
    pd("-1e308*10", -e * 10.0);
    pd("1e-308/1e10", t / 1e10);
    pd("1e-308*1e-10", t * 1e-10);
    pd("min_subnormal/2", 4.9406564584124654e-324 / (b - 1.0));
    pd("3*min_subnormal/2", 3 * 4.9406564584124654e-324 / (b - 1.0));
    pd("1/0", a / z);
    pd("-1/0", -a / z);
    pd("1/-0", a / -z);
    pd("0/0", z / z);
    pd("inf-inf", (a / z) - (a / z));
    pd("inf*0", (a / z) * z);
    pd("-(0/0)", -(z / z));
    pd("0*-1", z * -a);
    pd("-0+0", -z + z);
    pd("-0-0", -z - z);
    pd("sqrt(2)", sqrt(b - a));
    pd("sqrt(-1)", sqrt(-a));
    pd("sqrt(-0)", sqrt(-z));
    pd("sqrt(1e-320)", sqrt(1e-320 * a));
    pd("fabs(-3)", fabs(-b));
    pd("fabs(-nan)", fabs(-(z / z)));
    pd("copysign(3,-0)", copysign(b, -z));
    pd("fmin(1,nan)", fmin(a, z / z));
    pd("fmax(-0,0)", fmax(-z, z));
    pd("fmod(10.5,3)", fmod(10.5 * a, b));
    pd("remainder(10.5,3)", remainder(10.5 * a, b));
    pd("ldexp(1,-1074)", ldexp(a, -1074));
    pd("ldexp(1,1024)", ldexp(a, 1024));
    int ex;
    double m = frexp(1000.0 * a, &ex);
    printf("frexp(1000) = %.17g * 2^%d\n", m, ex);
    pd("modf(-3.75) frac", modf(-3.75 * a, &m));
    pd("modf(-3.75) int", m);
    printf("compare: nan==nan %d, nan<1 %d, nan!=nan %d, -0==0 %d, isless(nan,1) %d\n",
           (z / z) == (z / z), (z / z) < a, (z / z) != (z / z), -z == z, isless(z / z, a));
    printf("classify: %d %d %d %d %d (nan inf normal subnormal zero = %d %d %d %d %d)\n",
           fpclassify(z / z), fpclassify(a / z), fpclassify(a), fpclassify(t / 1e10),
           fpclassify(z), FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO);

    /* A small accumulation loop: order-sensitive rounding. */
    double sum = 0, kahan = 0, comp = 0;
    for (int i = 1; i <= 10000; i++) {
        double term = a / ((double)i * (double)i);
        sum += term;
        double y = term - comp;
        double tt = kahan + y;
        comp = (tt - kahan) - y;
        kahan = tt;
    }
    pd("sum 1/i^2", sum);
    pd("kahan 1/i^2", kahan);
    double x = 0.5;
    for (int i = 0; i < 50; i++)
        x = 3.9 * x * (1.0 - x) * a; /* logistic map: chaotic, amplifies errors */
    pd("logistic^50", x);
}

static void single(void)
{
    volatile float a = 1.0f, b = 3.0f, c = 0.1f, big = 3e38f, tiny = 1e-38f, z = 0.0f;
    printf("== float arithmetic\n");
    pf("1/3", a / b);
    pf("0.1+0.2", c + 0.2f);
    pf("0.1f*3", c * b);
    pf("3e38*10", big * 10.0f);
    pf("1e-38/100", tiny / 100.0f);
    pf("1e-38*1e-10", tiny * 1e-10f);
    pf("0/0", z / z);
    pf("sqrtf(2)", sqrtf(b - a));
    pf("sqrtf(-1)", sqrtf(-a));
    pf("16777216+1", 16777216.0f * a + a);
    pf("(float)0.1", (float)(0.1 * a));
    pf("(float)1e39", (float)(1e39 * a));
    pf("(float)1e-46", (float)(1e-46 * a));
    pf("(float)(1+2^-24)", (float)((1.0 + 0x1p-24) * a));
    pf("(float)(1+2^-24+2^-50)", (float)((1.0 + 0x1p-24 + 0x1p-50) * a));
    pd("(double)0.1f", (double)c);
    float fs = 0;
    for (int i = 0; i < 1000; i++)
        fs += c;
    pf("0.1f summed 1000x", fs);
    pf("fabsf(-0)", fabsf(-z));
    pf("floorf(-2.5)", floorf(-2.5f * a));
    pf("roundf(2.5)", roundf(2.5f * a));
    pf("rintf(2.5)", rintf(2.5f * a));
}

static void rounding(void)
{
    volatile double vals[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999999999996, 0.49999999999999994,
                              -0.0, 1e300, -7.9, 4503599627370495.5, 4503599627370497.0};
    printf("== rounding\n");
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double v = vals[i];
        printf("%-24.17g rint=%g nearbyint=%g round=%g floor=%g ceil=%g trunc=%g", v, rint(v),
               nearbyint(v), round(v), floor(v), ceil(v), trunc(v));
        if (fabs(v) < 1e18)
            printf(" lround=%ld lrint=%ld llround=%lld", lround(v), lrint(v), llround(v));
        printf("\n");
    }
}

/* Dynamic rounding modes (FPCR.RMode): arithmetic, rint and lrint obey them. */
static void rounding_modes(void)
{
    static const struct { int mode; const char *name; } modes[] = {
        {FE_TONEAREST, "tonearest"}, {FE_UPWARD, "upward"},
        {FE_DOWNWARD, "downward"}, {FE_TOWARDZERO, "towardzero"},
    };
    volatile double one = 1.0, three = 3.0, v = -2.5, w = 2.5;
    volatile float fone = 1.0f, fthree = 3.0f;
    volatile int64_t big = 9007199254740993LL;
    printf("== rounding modes\n");
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        if (fesetround(modes[i].mode) != 0) {
            printf("fesetround(%s) failed\n", modes[i].name);
            continue;
        }
        double q = one / three, nq = -one / three;
        float fq = fone / fthree;
        double conv = (double)big;
        printf("%-10s fegetround ok=%d 1/3=%a -1/3=%a 1/3f=%a rint(-2.5)=%g rint(2.5)=%g "
               "lrint(2.5)=%ld (double)2^53+1=%.17g\n",
               modes[i].name, fegetround() == modes[i].mode, q, nq, (double)fq, rint(v), rint(w),
               lrint(w), conv);
    }
    fesetround(FE_TONEAREST);
}

static void conversions(void)
{
    printf("== conversions\n");
    volatile int64_t iv[] = {0, 1, -1, 9007199254740993LL, INT64_MAX, INT64_MIN, -123456789012345LL,
                             16777217, 2147483647};
    for (size_t i = 0; i < sizeof iv / sizeof iv[0]; i++) {
        int64_t v = iv[i];
        printf("int64 %-21" PRId64 " -> double %.17g, float %.9g, uint64->double %.17g\n", v,
               (double)v, (double)(float)v, (double)(uint64_t)v);
    }
    volatile int32_t i32 = -5;
    volatile uint32_t u32 = 4294967295u;
    printf("int32 -5 -> %.17g, uint32 max -> %.17g, float(uint32 max) %.9g\n", (double)i32,
           (double)u32, (double)(float)u32);

    /* In-range C casts (truncate toward zero). */
    volatile double dv[] = {0.9, -0.9, 2.5, -2.5, 2147483647.9, -2147483648.9, 4294967295.5,
                            9.2233720368547748e18, -9.2233720368547758e18, 1.8446744073709550e19};
    for (size_t i = 0; i < sizeof dv / sizeof dv[0]; i++) {
        double v = dv[i];
        printf("double %.17g ->", v);
        if (v > -2147483649.0 && v < 2147483648.0)
            printf(" int32 %" PRId32, (int32_t)v);
        if (v > -1.0 && v < 4294967296.0)
            printf(" uint32 %" PRIu32, (uint32_t)v);
        if (v >= -9223372036854775808.0 && v < 9223372036854775808.0)
            printf(" int64 %" PRId64, (int64_t)v);
        if (v > -1.0 && v < 18446744073709551616.0)
            printf(" uint64 %" PRIu64, (uint64_t)v);
        printf("\n");
    }

    /* Architectural saturation of the conversion instructions. */
    volatile double sv[] = {1e20, -1e20, 3e9, -3e9, 5e9, -1.0, -0.5, 1.8446744073709552e19,
                            9.2233720368547758e18, 0.0 / 0.0 /* nan */, 1.0 / 0.0, -1.0 / 0.0};
    for (size_t i = 0; i < sizeof sv / sizeof sv[0]; i++) {
        double v = sv[i];
        printf("fcvtz %-12g: s64 %" PRId64 " u64 %" PRIu64 " s32 %" PRId32 " u32 %" PRIu32
               " s32(float) %" PRId32 "\n",
               v, fcvtzs_d(v), fcvtzu_d(v), fcvtzs_w(v), fcvtzu_w(v), fcvtzs_ws((float)v));
    }
}

static void libm(void)
{
    printf("== libm\n");
    volatile double x = 0.5, y = 2.0, big = 1e10;
    pd("exp(0.5)", exp(x));
    pd("log(2)", log(y));
    pd("log10(1e10)", log10(big));
    pd("pow(2,0.5)", pow(y, x));
    pd("pow(2,-1074)", pow(y, -1074.0 * y / 2));
    pd("sin(0.5)", sin(x));
    pd("cos(0.5)", cos(x));
    pd("tan(0.5)", tan(x));
    pd("atan2(0.5,-2)", atan2(x, -y));
    pd("sin(1e10)", sin(big));
    pd("hypot(3,4)", hypot(3 * x * 2, 4 * x * 2));
    pd("cbrt(2)", cbrt(y));
    pd("expm1(1e-10)", expm1(1e-10 * x * 2));
    pd("log1p(1e-10)", log1p(1e-10 * x * 2));
    pd("tanh(0.5)", tanh(x));
    pf("expf(0.5)", expf((float)x));
    pf("logf(2)", logf((float)y));
    pf("sinf(0.5)", sinf((float)x));
    pf("powf(2,0.5)", powf((float)y, (float)x));
}

#if defined(__riscv)
/* One instruction with fflags cleared first; prints the result bits and the flags. */
#define FLAGS_NAMES(f) (f) & 16 ? "NV" : "", (f) & 8 ? "DZ" : "", (f) & 4 ? "OF" : "", (f) & 2 ? "UF" : "", (f) & 1 ? "NX" : ""
#define FP_OP(label, insn, out_t, out_c, ...)                                          \
    do {                                                                               \
        out_t r_;                                                                      \
        unsigned long fl_;                                                             \
        __asm__ volatile("fsflags zero\n" insn "\nfrflags %1" : out_c(r_), "=r"(fl_) : __VA_ARGS__ : "ft0"); \
        uint64_t b_;                                                                   \
        memcpy(&b_, &r_, sizeof b_ < sizeof r_ ? sizeof b_ : sizeof r_);               \
        if (sizeof r_ == 4) b_ &= 0xffffffffu;                                          \
        printf("%-28s %016" PRIx64 " %s%s%s%s%s\n", label, b_, FLAGS_NAMES(fl_));      \
    } while (0)

static double dfrom(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static float ffrom(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static void riscv_fp(void)
{
    volatile double one = 1.0, three = 3.0, zero = 0.0, big = 1e308, tiny = 1e-308, m1 = -1.0;
    volatile double qnan = dfrom(0x7ff8000000000001ull), snan = dfrom(0x7ff0000000000001ull);
    volatile double d25 = 2.5, dm25 = -2.5, dm05 = -0.5, inf = 1.0 / zero;
    volatile double below_min = dfrom(0x380fffffff000000ull); /* 2^-126 - 2^-151 */
    volatile double f_tiny = 1e-46, f_big = 1e39;
    volatile float fone = 1.0f, fsnan = ffrom(0x7f800001u), fqnan = ffrom(0x7fc00001u), fthree = 3.0f;
    volatile uint64_t unboxed = 0x0000000040490fdbull, boxed_pi = 0xffffffff40490fdbull;
    double d;
    float f;
    long l;
    printf("== riscv fflags\n");
    FP_OP("fdiv.d 1/0", "fdiv.d %0, %2, %3", double, "=f", "f"(one), "f"(zero));
    FP_OP("fdiv.d 0/0", "fdiv.d %0, %2, %3", double, "=f", "f"(zero), "f"(zero));
    FP_OP("fdiv.d 1/3", "fdiv.d %0, %2, %3", double, "=f", "f"(one), "f"(three));
    FP_OP("fdiv.d 1/3 rtz", "fdiv.d %0, %2, %3, rtz", double, "=f", "f"(one), "f"(three));
    FP_OP("fdiv.d 1/3 rdn", "fdiv.d %0, %2, %3, rdn", double, "=f", "f"(one), "f"(three));
    FP_OP("fdiv.d 1/3 rup", "fdiv.d %0, %2, %3, rup", double, "=f", "f"(one), "f"(three));
    FP_OP("fdiv.d -1/3 rmm", "fdiv.d %0, %2, %3, rmm", double, "=f", "f"(m1), "f"(three));
    FP_OP("fdiv.s 1/3 rup", "fdiv.s %0, %2, %3, rup", float, "=f", "f"(fone), "f"(fthree));
    FP_OP("fsqrt.d -1", "fsqrt.d %0, %2", double, "=f", "f"(m1), "f"(zero));
    FP_OP("fsqrt.d -0", "fsqrt.d %0, %2", double, "=f", "f"(-zero), "f"(zero));
    FP_OP("fmul.d 1e308*1e308", "fmul.d %0, %2, %2", double, "=f", "f"(big), "f"(zero));
    FP_OP("fmul.d 1e308*1e308 rtz", "fmul.d %0, %2, %2, rtz", double, "=f", "f"(big), "f"(zero));
    FP_OP("fmul.d 1e-308*1e-308", "fmul.d %0, %2, %2", double, "=f", "f"(tiny), "f"(zero));
    FP_OP("fmul.d 1e-308*1e-308 rup", "fmul.d %0, %2, %2, rup", double, "=f", "f"(tiny), "f"(zero));
    FP_OP("fadd.d inf-inf", "fsub.d %0, %2, %2", double, "=f", "f"(inf), "f"(zero));
    FP_OP("fadd.d qnan+1", "fadd.d %0, %2, %3", double, "=f", "f"(qnan), "f"(one));
    FP_OP("fadd.d snan+1", "fadd.d %0, %2, %3", double, "=f", "f"(snan), "f"(one));
    FP_OP("fsub.d 1-1 rdn", "fsub.d %0, %2, %2, rdn", double, "=f", "f"(one), "f"(zero));
    FP_OP("fmadd.d inf*0+qnan", "fmadd.d %0, %2, %3, %4", double, "=f", "f"(inf), "f"(zero), "f"(qnan));
    FP_OP("fnmadd.d 1*3+1", "fnmadd.d %0, %2, %3, %2", double, "=f", "f"(one), "f"(three));
    FP_OP("fmin.d snan,1", "fmin.d %0, %2, %3", double, "=f", "f"(snan), "f"(one));
    FP_OP("fmax.d qnan,qnan", "fmax.d %0, %2, %2", double, "=f", "f"(qnan), "f"(one));
    FP_OP("fmin.d -0,0", "fmin.d %0, %2, %3", double, "=f", "f"(-zero), "f"(zero));
    FP_OP("fmax.d -0,0", "fmax.d %0, %2, %3", double, "=f", "f"(-zero), "f"(zero));
    FP_OP("feq.d snan,1", "feq.d %0, %2, %3", long, "=r", "f"(snan), "f"(one));
    FP_OP("feq.d qnan,1", "feq.d %0, %2, %3", long, "=r", "f"(qnan), "f"(one));
    FP_OP("flt.d qnan,1", "flt.d %0, %2, %3", long, "=r", "f"(qnan), "f"(one));
    FP_OP("fle.d -0,0", "fle.d %0, %2, %3", long, "=r", "f"(-zero), "f"(zero));
    FP_OP("fclass.d snan", "fclass.d %0, %2", long, "=r", "f"(snan), "f"(one));
    FP_OP("fclass.d -tiny/1e10", "fdiv.d ft0, %2, %3\nfclass.d %0, ft0", long, "=r", "f"(-tiny), "f"(1e10));
    FP_OP("fcvt.w.d nan", "fcvt.w.d %0, %2, rtz", long, "=r", "f"(qnan), "f"(one));
    FP_OP("fcvt.wu.d -1", "fcvt.wu.d %0, %2, rtz", long, "=r", "f"(m1), "f"(one));
    FP_OP("fcvt.wu.d -0.5 rtz", "fcvt.wu.d %0, %2, rtz", long, "=r", "f"(dm05), "f"(one));
    FP_OP("fcvt.wu.d 1e308", "fcvt.wu.d %0, %2, rtz", long, "=r", "f"(big), "f"(one));
    FP_OP("fcvt.lu.d -inf", "fcvt.lu.d %0, %2, rtz", long, "=r", "f"(-inf), "f"(one));
    FP_OP("fcvt.l.d 2.5 rne", "fcvt.l.d %0, %2, rne", long, "=r", "f"(d25), "f"(one));
    FP_OP("fcvt.l.d 2.5 rmm", "fcvt.l.d %0, %2, rmm", long, "=r", "f"(d25), "f"(one));
    FP_OP("fcvt.l.d -2.5 rdn", "fcvt.l.d %0, %2, rdn", long, "=r", "f"(dm25), "f"(one));
    FP_OP("fcvt.l.d -2.5 rup", "fcvt.l.d %0, %2, rup", long, "=r", "f"(dm25), "f"(one));
    FP_OP("fcvt.w.s snan", "fcvt.w.s %0, %2, rtz", long, "=r", "f"(fsnan), "f"(one));
    FP_OP("fcvt.s.d 1e-46", "fcvt.s.d %0, %2", float, "=f", "f"(f_tiny), "f"(one));
    FP_OP("fcvt.s.d 1e39", "fcvt.s.d %0, %2", float, "=f", "f"(f_big), "f"(one));
    FP_OP("fcvt.s.d 1e39 rtz", "fcvt.s.d %0, %2, rtz", float, "=f", "f"(f_big), "f"(one));
    FP_OP("fcvt.s.d 2^-126-2^-151", "fcvt.s.d %0, %2", float, "=f", "f"(below_min), "f"(one));
    FP_OP("fcvt.d.s snan", "fcvt.d.s %0, %2", double, "=f", "f"(fsnan), "f"(one));
    FP_OP("fcvt.d.s qnan", "fcvt.d.s %0, %2", double, "=f", "f"(fqnan), "f"(one));
    FP_OP("fcvt.s.l 2^53+1", "fcvt.s.l %0, %2", float, "=f", "r"(9007199254740993L), "f"(one));
    FP_OP("fcvt.d.l 2^63-1 rdn", "fcvt.d.l %0, %2, rdn", double, "=f", "r"(9223372036854775807L), "f"(one));
    FP_OP("fcvt.d.lu 2^64-1 rtz", "fcvt.d.lu %0, %2, rtz", double, "=f", "r"(-1L), "f"(one));
    /* NaN-boxing: a single that is not boxed reads as the canonical NaN. */
    FP_OP("fadd.s unboxed", "fmv.d.x ft0, %2\nfadd.s %0, ft0, ft0", double, "=f", "r"(unboxed), "f"(one));
    FP_OP("fadd.s boxed", "fmv.d.x ft0, %2\nfadd.s %0, ft0, ft0", double, "=f", "r"(boxed_pi), "f"(one));
    FP_OP("fsgnjn.s unboxed", "fmv.d.x ft0, %2\nfneg.s %0, ft0", double, "=f", "r"(unboxed), "f"(one));
    FP_OP("fmv.x.w unboxed", "fmv.d.x ft0, %2\nfmv.x.w %0, ft0", long, "=r", "r"(unboxed), "f"(one));
    FP_OP("fsw unboxed", "fmv.d.x ft0, %2\nfsw ft0, %0", uint32_t, "=m", "r"(unboxed), "f"(one));
    /* frm drives the dynamic rounding mode; fcsr holds frm and fflags together. */
    __asm__ volatile("fsrmi 3\nfdiv.d %0, %2, %3\nfrcsr %1\nfsrmi 0" : "=f"(d), "=r"(l) : "f"(one), "f"(three));
    printf("dynamic rup 1/3 %a fcsr %#lx\n", d, l);
    __asm__ volatile("fscsr %2\nfadd.s %0, %3, %3\nfrcsr %1\nfscsr zero" : "=f"(f), "=r"(l) : "r"(0x5fL), "f"(fthree));
    printf("fcsr 0x5f then fadd.s %a fcsr %#lx\n", (double)f, l);
    (void)d;
}
#endif

int main(void)
{
    arithmetic();
    single();
    rounding();
    rounding_modes();
    conversions();
    libm();
#if defined(__riscv)
    riscv_fp();
#endif
    return 0;
}

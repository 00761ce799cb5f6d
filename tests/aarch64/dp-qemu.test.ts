// Random data-processing instructions (and short flag-setter/consumer sequences in one
// block) with results recorded from qemu-aarch64: each case ran on qemu with the input
// set loaded into x0..x7, SP and NZCV, and the registers that changed were recorded.
import { describe, expect, it } from 'vitest';
import { runA64 } from './driver.js';

const M64 = (1n << 64n) - 1n;

// Input sets: [x0..x7], sp, nzcv
const SETS: [bigint[], bigint, number][] = [
  [[0n, 1n, M64, 1n << 63n, (1n << 63n) - 1n, 0x80000000n, 0x7fffffffn, 0xffffffffn], 0x100000000n, 0b0110],
  [[0x1234567890abcdefn, 0xfedcba9876543210n, 32n, 63n, 0xffffffff00000000n, 0x100000000n, 31n, 0xffffffff80000000n], 0x7fff_fff0n, 0b1001],
  [[M64, M64, 1n << 63n, 1n << 63n, 0x0000_0001_0000_0000n, 0x0000_0000_ffff_ffffn, 64n, 0x8000_0000_8000_0000n], 0xffff_ffff_ffff_fff0n, 0b0010],
  [[0xdeadbeefcafef00dn, 0x0123456789abcdefn, 0x00000000_0000ff80n, 0xffffffff_ffff8000n, 7n, 0xffff_ffff_ffff_ffc0n, 33n, 0x7fffffff_ffffffffn], 0x4000_0000_0000n, 0b1111],
  [[5n, 0xfffffffffffffffbn, 3n, 0xfffffffffffffffdn, 0x8000000000000001n, 0x1n << 32n | 5n, 0x55555555_aaaaaaaan, 0xaaaaaaaa_55555555n], 0x10n, 0b0000],
  [[0x7fffffffn, 1n, 0x80000000n, M64, 0xffffffff7fffffffn, 0x0000_8000_0000_0000n, 0x3fn, 0x40n], 0n, 0b1000],
  [[0x9e3779b97f4a7c15n, 0xbf58476d1ce4e5b9n, 0x94d049bb133111ebn, 0x2545f4914f6cdd1dn, 0xc2b2ae3d27d4eb4fn, 0x165667b19e3779f9n, 0x27d4eb2f165667c5n, 0x85ebca77c2b2ae63n], 0x8000_0000_0000_0000n, 0b0100],
  [[0xffn, 0xff00n, 0x8000n, 0x80n, 0xffff_ffff_0000_0001n, 0x0000_0000_8000_0001n, 0xffff_ffff_ffff_fffen, 2n], 0xdead_beefn, 0b0011],
];
// [words, input set, changed registers and final NZCV as qemu left them] // objdump text
const VECTORS: [number[], number, string][] = [
  [[0x321c589f], 0, 'sp=ffffffff n=6'], // orr wsp, w4, #0x7fffff0
  [[0xd23a60e2], 1, 'x2=8000003fffffffc0 n=9'], // eor x2, x7, #0x7fffffc07fffffc0
  [[0x924997e1], 2, 'x1=0 n=2'], // and x1, xzr, #0xff8000001fffffff
  [[0xd251a4e3], 3, 'x3=80007ffffe000000 n=15'], // eor x3, x7, #0xffff800001ffffff
  [[0x722154df], 4, 'n=8'], // tst w6, #0x801fffff
  [[0xd208945f], 5, 'sp=3f003f00bf003f00 n=8'], // eor sp, x2, #0x3f003f003f003f00
  [[0xf2512866], 6, 'x6=145800000000000 n=0'], // ands x6, x3, #0x3ff800000000000
  [[0xd2752c80], 7, 'x0=ffffffff007ff801 n=3'], // eor x0, x4, #0x7ff800
  [[0xf2567fe0], 0, 'n=4'], // ands x0, xzr, #0xfffffc00000003ff
  [[0xf21e3c66], 1, 'x6=3c n=0'], // ands x6, x3, #0x3fffc0003fffc
  [[0xb22740e6], 2, 'x6=fe0003fffe0003ff n=2'], // orr x6, x7, #0xfe0003fffe0003ff
  [[0x924d94a7], 3, 'x7=fff8000001ffffc0 n=15'], // and x7, x5, #0xfff8000001ffffff
  [[0xf224a3e3], 4, 'x3=0 n=4'], // ands x3, xzr, #0xf01ff01ff01ff01f
  [[0x923e6ca4], 5, 'x4=800000000000 n=8'], // and x4, x5, #0x3ffffffc3ffffffc
  [[0xb23644df], 6, 'sp=2fffff2f1fffffc5 n=4'], // orr sp, x6, #0xffffc000ffffc00
  [[0xf27b74df], 7, 'n=0'], // tst x6, #0x7ffffffe0
  [[0x92278fe6], 0, 'x6=0 n=6'], // and x6, xzr, #0x1e001e001e001e00
  [[0x521c9081], 1, 'x1=1f001f0 n=9'], // eor w1, w4, #0x1f001f0
  [[0x72026fe6], 2, 'x6=0 n=4'], // ands w6, wzr, #0xc3ffffff
  [[0x72295c60], 3, 'x0=ff800000 n=8'], // ands w0, w3, #0xff807fff
  [[0xd3764086], 4, 'x6=400 n=0'], // ubfiz x6, x4, #10, #17
  [[0x93795843], 5, 'x3=0 n=8'], // sbfiz x3, x2, #7, #23
  [[0x331b1fe4], 6, 'x4=27d4e00f n=4'], // bfc w4, #5, #8
  [[0x131b2c1f], 7, 'n=3'], // sbfiz wzr, w0, #5, #12
  [[0x131e1020], 0, 'x0=4 n=6'], // sbfiz w0, w1, #2, #5
  [[0x9349bfe6], 1, 'x6=0 n=9'], // sbfx x6, xzr, #9, #39
  [[0xb3471be5], 2, 'n=2'], // bfc x5, #57, #7
  [[0x131a27e4], 3, 'x4=0 n=15'], // sbfiz w4, wzr, #6, #10
  [[0xd379e881], 4, 'x1=0 n=0'], // ubfx x1, x4, #57, #2
  [[0x9344dcff], 5, 'n=8'], // sbfx xzr, x7, #4, #52
  [[0x934b08c3], 6, 'x3=ffa0000000000000 n=4'], // sbfiz x3, x6, #53, #3
  [[0xd34e4085], 7, 'x5=0 n=3'], // ubfx x5, x4, #14, #3
  [[0xb354b0a2], 0, 'x2=fffffffffe000800 n=6'], // bfxil x2, x5, #20, #25
  [[0x33012fe5], 1, 'x5=0 n=9'], // bfxil w5, wzr, #1, #11
  [[0x937ce4a2], 2, 'x2=ffffffff0 n=2'], // sbfiz x2, x5, #4, #58
  [[0xd3483c67], 3, 'x7=80 n=15'], // ubfx x7, x3, #8, #8
  [[0x130e587f], 4, 'n=0'], // sbfx wzr, w3, #14, #9
  [[0x934484e4], 5, 'x4=4 n=8'], // sbfx x4, x7, #4, #30
  [[0x53150be5], 6, 'x5=0 n=4'], // ubfiz w5, wzr, #11, #3
  [[0x131f3c02], 7, 'x2=1fe n=3'], // sbfiz w2, w0, #1, #16
  [[0x93c090c7], 0, 'x7=7fffffff0000000 n=6'], // extr x7, x6, x0, #36
  [[0x93df8086], 1, 'x6=0 n=9'], // extr x6, x4, xzr, #32
  [[0x93c7a7e3], 2, 'x3=400000 n=2'], // extr x3, xzr, x7, #41
  [[0x93df04df], 3, 'n=15'], // extr xzr, x6, xzr, #1
  [[0x93c54400], 4, 'x0=2800000008000 n=0'], // extr x0, x0, x5, #17
  [[0x93c06ce5], 5, 'x5=8000000000f n=8'], // extr x5, x7, x0, #27
  [[0x138173ff], 6, 'n=4'], // extr wzr, wzr, w1, #28
  [[0x93c41025], 7, 'x5=ffffffff0000000 n=3'], // extr x5, x1, x4, #4
  [[0x93c70fe5], 0, 'x5=1fffffff n=6'], // extr x5, xzr, x7, #3
  [[0x93c3ec43], 1, 'x3=400 n=9'], // extr x3, x2, x3, #59
  [[0x93c36464], 2, 'x4=4000000000 n=2'], // ror x4, x3, #25
  [[0x93c0a020], 3, 'x0=6789abcdefdeadbe n=15'], // extr x0, x1, x0, #40
  [[0x93c2ec03], 4, 'x3=a0 n=0'], // extr x3, x0, x2, #59
  [[0x13822c23], 5, 'x3=300000 n=8'], // extr w3, w1, w2, #11
  [[0x13816805], 6, 'x5=d29f0547 n=4'], // extr w5, w0, w1, #26
  [[0x93df74e3], 7, 'x3=1000000000 n=3'], // extr x3, x7, xzr, #29
  [[0x138617e1], 0, 'x1=3ffffff n=6'], // extr w1, wzr, w6, #5
  [[0x13872fe0], 1, 'x0=100000 n=9'], // extr w0, wzr, w7, #11
  [[0x93dfc45f], 2, 'n=2'], // extr xzr, x2, xzr, #49
  [[0x139f67e6], 3, 'x6=0 n=15'], // ror w6, wzr, #25
  [[0xcac3d7e4], 4, 'x4=ffffffffffffefff n=0'], // eor x4, xzr, x3, ror #53
  [[0x6ac76843], 5, 'x3=0 n=4'], // ands w3, w2, w7, ror #26
  [[0x0aff47e7], 6, 'x7=0 n=4'], // bic w7, wzr, wzr, ror #17
  [[0x8a616be0], 7, 'x0=0 n=3'], // bic x0, xzr, x1, lsr #26
  [[0x0aa75025], 0, 'x5=0 n=6'], // bic w5, w1, w7, asr #20
  [[0xcac1c0a4], 1, 'x4=ba9876553210fedc n=9'], // eor x4, x5, x1, ror #48
  [[0xea830be2], 2, 'x2=0 n=4'], // ands x2, xzr, x3, asr #2
  [[0xaa2324c0], 3, 'x0=ffffff n=15'], // orn x0, x6, x3, lsl #9
  [[0xeac33800], 4, 'n=0'], // ands x0, x0, x3, ror #14
  [[0x0a075484], 5, 'x4=8000000 n=8'], // and w4, w4, w7, lsl #21
  [[0x8a60a0a1], 6, 'x1=165667b19e214880 n=4'], // bic x1, x5, x0, lsr #40
  [[0x4a1f13e4], 7, 'x4=0 n=3'], // eor w4, wzr, wzr, lsl #4
  [[0xaae47882], 0, 'x2=7fffffffffffffff n=6'], // orn x2, x4, x4, ror #30
  [[0x0aa1545f], 1, 'n=9'], // bic wzr, w2, w1, asr #21
  [[0xaa453be4], 2, 'x4=3ffff n=2'], // orr x4, xzr, x5, lsr #14
  [[0x2a044801], 3, 'x1=cafef00d n=15'], // orr w1, w0, w4, lsl #18
  [[0x8a5f5046], 4, 'x6=0 n=0'], // and x6, x2, xzr, lsr #20
  [[0x0a677cc1], 5, 'x1=3f n=8'], // bic w1, w6, w7, lsr #31
  [[0xaa5fa867], 6, 'x7=2545f4914f6cdd1d n=4'], // orr x7, x3, xzr, lsr #42
  [[0xea663401], 7, 'x1=0 n=4'], // bics x1, x0, x6, lsr #13
  [[0xeb868464], 0, 'x4=8000000000000000 n=10'], // subs x4, x3, x6, asr #33
  [[0xab801860], 1, 'x0=48d159e242af76 n=0'], // adds x0, x3, x0, asr #6
  [[0x6b8503e0], 2, 'x0=1 n=0'], // negs w0, w5, asr #0
  [[0x4b8704c7], 3, 'x7=22 n=15'], // sub w7, w6, w7, asr #1
  [[0xab476cbf], 4, 'n=0'], // cmn x5, x7, lsr #27
  [[0xcb42b001], 5, 'x1=7fffffff n=8'], // sub x1, x0, x2, lsr #44
  [[0x8b854004], 6, 'x4=9e37900fe6fc1a4c n=4'], // add x4, x0, x5, asr #16
  [[0x2b0138a1], 7, 'x1=bfc00001 n=8'], // adds w1, w5, w1, lsl #14
  [[0xeb82ac62], 0, 'x2=8000000000000001 n=8'], // subs x2, x3, x2, asr #43
  [[0xeb006fe2], 1, 'x2=3b7aa19088000000 n=0'], // negs x2, x0, lsl #27
  [[0xcb046823], 2, 'x3=fbffffffffffffff n=2'], // sub x3, x1, x4, lsl #26
  [[0xeb051fe1], 3, 'x1=2000 n=0'], // negs x1, x5, lsl #7
  [[0xcb1fa0df], 4, 'n=0'], // sub xzr, x6, xzr, lsl #40
  [[0xeb9f67e2], 5, 'x2=0 n=6'], // negs x2, xzr, asr #25
  [[0x2b4504e6], 6, 'x6=11ce6b5f n=2'], // adds w6, w7, w5, lsr #1
  [[0xcb8464df], 7, 'n=3'], // sub xzr, x6, x4, asr #25
  [[0xcb0748e4], 0, 'x4=fffc00010003ffff n=6'], // sub x4, x7, x7, lsl #18
  [[0xab8574e7], 1, 'x7=ffffffff80000008 n=8'], // adds x7, x7, x5, asr #29
  [[0xeb035060], 2, 'x0=8000000000000000 n=10'], // subs x0, x3, x3, lsl #20
  [[0x8b82c01f], 3, 'n=15'], // add xzr, x0, x2, asr #48
  [[0x0b2743e4], 4, 'x4=55555565 n=0'], // add w4, wsp, w7
  [[0x6b20043f], 5, 'n=8'], // cmp w1, w0, uxtb #1
  [[0x6b25f0e5], 6, 'x5=df3b0ed3 n=8'], // subs w5, w7, w5, sxtx #4
  [[0x2b24c45f], 7, 'n=0'], // cmn w2, w4, sxtw #1
  [[0xcb238ce1], 0, 'x1=ffffffff n=6'], // sub x1, x7, w3, sxtb #3
  [[0x4b3f0c42], 1, 'n=9'], // sub w2, w2, wzr, uxtb #3
  [[0xcb22f0e6], 2, 'x6=8000000080000000 n=2'], // sub x6, x7, x2, sxtx #4
  [[0x8b22f3e0], 3, 'x0=4000000ff800 n=15'], // add x0, sp, x2, sxtx #4
  [[0xcb202ca6], 4, 'x6=ffffffdd n=0'], // sub x6, x5, w0, uxth #3
  [[0x4b208be1], 5, 'x1=4 n=8'], // sub w1, wsp, w0, sxtb #2
  [[0x6b3f6040], 6, 'x0=133111eb n=2'], // subs w0, w2, wzr, uxtx
  [[0x6b238442], 7, 'x2=8100 n=0'], // subs w2, w2, w3, sxtb #1
  [[0x6b2483e1], 0, 'n=0'], // subs w1, wsp, w4, sxtb
  [[0x2b24e424], 1, 'x4=76543210 n=0'], // adds w4, w1, w4, sxtx #1
  [[0xab3f0483], 2, 'x3=100000000 n=0'], // adds x3, x4, wzr, uxtb #1
  [[0x0b3f0487], 3, 'x7=7 n=15'], // add w7, w4, wzr, uxtb #1
  [[0x2b3fa7e3], 4, 'x3=10 n=0'], // adds w3, wsp, wzr, sxth #1
  [[0xab246be1], 5, 'x1=fffffffdfffffffc n=8'], // adds x1, sp, x4, lsl #2
  [[0x6b2468e6], 6, 'x6=235f0127 n=2'], // subs w6, w7, w4, uxtx #2
  [[0x0b25aca0], 7, 'x0=80000009 n=3'], // add w0, w5, w5, sxth #3
  [[0x9a1f00ff], 0, 'n=6'], // adc xzr, x7, xzr
  [[0xfa020027], 1, 'x7=fedcba98765431ef n=10'], // sbcs x7, x1, x2
  [[0xfa0200e4], 2, 'x4=80000000 n=2'], // sbcs x4, x7, x2
  [[0x3a0600e5], 3, 'x5=21 n=2'], // adcs w5, w7, w6
  [[0x1a050066], 4, 'x6=2 n=0'], // adc w6, w3, w5
  [[0xda040004], 5, 'x4=ffffffff n=8'], // sbc x4, x0, x4
  [[0xfa010061], 6, 'x1=65edad243287f763 n=0'], // sbcs x1, x3, x1
  [[0x9a030043], 7, 'x3=8081 n=3'], // adc x3, x2, x3
  [[0x1a0303e2], 0, 'x2=1 n=6'], // adc w2, wzr, w3
  [[0xda0103ff], 1, 'n=9'], // ngc xzr, x1
  [[0x7a0703e5], 2, 'x5=80000000 n=9'], // ngcs w5, w7
  [[0x1a05003f], 3, 'n=15'], // adc wzr, w1, w5
  [[0x9a1f03e7], 4, 'x7=0 n=0'], // adc x7, xzr, xzr
  [[0x3a060042], 5, 'x2=8000003f n=8'], // adcs w2, w2, w6
  [[0x5a0600c3], 6, 'x3=ffffffff n=4'], // sbc w3, w6, w6
  [[0x9a0103ff], 7, 'n=3'], // adc xzr, xzr, x1
  [[0xba1f001f], 0, 'n=0'], // adcs xzr, x0, xzr
  [[0xda040064], 1, 'x4=10000003e n=9'], // sbc x4, x3, x4
  [[0xba0400c7], 2, 'x7=100000041 n=0'], // adcs x7, x6, x4
  [[0x3a060045], 3, 'x5=ffa2 n=0'], // adcs w5, w2, w6
  [[0x7a477065], 4, 'n=10'], // ccmp w3, w7, #0x5, vc
  [[0xba5fc3e6], 5, 'n=6'], // ccmn xzr, xzr, #0x6, gt
  [[0xba416022], 6, 'n=2'], // ccmn x1, x1, #0x2, vs
  [[0xba407044], 7, 'n=4'], // ccmn x2, x0, #0x4, vc
  [[0x3a43a06a], 0, 'n=4'], // ccmn w3, w3, #0xa, ge
  [[0x7a45f02a], 1, 'n=2'], // ccmp w1, w5, #0xa, nv
  [[0xba44904a], 2, 'n=10'], // ccmn x2, x4, #0xa, ls
  [[0x7a4620cf], 3, 'n=6'], // ccmp w6, w6, #0xf, cs
  [[0xba40e3e4], 4, 'n=0'], // ccmn xzr, x0, #0x4, al
  [[0xfa4110ab], 5, 'n=2'], // ccmp x5, x1, #0xb, ne
  [[0xfa5f53e0], 6, 'n=6'], // ccmp xzr, xzr, #0x0, pl
  [[0x7a47706f], 7, 'n=15'], // ccmp w3, w7, #0xf, vc
  [[0x3a40d3ec], 0, 'n=4'], // ccmn wzr, w0, #0xc, le
  [[0xfa451047], 1, 'n=8'], // ccmp x2, x5, #0x7, ne
  [[0xfa45a065], 2, 'n=3'], // ccmp x3, x5, #0x5, ge
  [[0x7a42b00f], 3, 'n=15'], // ccmp w0, w2, #0xf, lt
  [[0x3a4713eb], 4, 'n=0'], // ccmn wzr, w7, #0xb, ne
  [[0x7a461068], 5, 'n=10'], // ccmp w3, w6, #0x8, ne
  [[0xba434020], 6, 'n=0'], // ccmn x1, x3, #0x0, mi
  [[0xba5f4042], 7, 'n=2'], // ccmn x2, xzr, #0x2, mi
  [[0x7a50d80b], 0, 'n=8'], // ccmp w0, #0x10, #0xb, le
  [[0xfa5498cc], 1, 'n=2'], // ccmp x6, #0x14, #0xc, ls
  [[0x3a598888], 2, 'n=0'], // ccmn w4, #0x19, #0x8, hi
  [[0xba4d88af], 3, 'n=15'], // ccmn x5, #0xd, #0xf, hi
  [[0x3a5d58c5], 4, 'n=8'], // ccmn w6, #0x1d, #0x5, pl
  [[0xfa472beb], 5, 'n=11'], // ccmp xzr, #0x7, #0xb, cs
  [[0xba5de88e], 6, 'n=8'], // ccmn x4, #0x1d, #0xe, al
  [[0x7a4ca8ad], 7, 'n=13'], // ccmp w5, #0xc, #0xd, ge
  [[0x3a4eb8ef], 0, 'n=15'], // ccmn w7, #0xe, #0xf, lt
  [[0x3a557882], 1, 'n=2'], // ccmn w4, #0x15, #0x2, vc
  [[0xba530885], 2, 'n=5'], // ccmn x4, #0x13, #0x5, eq
  [[0xfa47a862], 3, 'n=10'], // ccmp x3, #0x7, #0x2, ge
  [[0xfa4e386d], 4, 'n=10'], // ccmp x3, #0xe, #0xd, cc
  [[0xfa52d86a], 5, 'n=10'], // ccmp x3, #0x12, #0xa, le
  [[0xfa52b86a], 6, 'n=10'], // ccmp x3, #0x12, #0xa, lt
  [[0x7a4da8c6], 7, 'n=6'], // ccmp w6, #0xd, #0x6, ge
  [[0x7a48d86a], 0, 'n=8'], // ccmp w3, #0x8, #0xa, le
  [[0x7a44b880], 1, 'n=0'], // ccmp w4, #0x4, #0x0, lt
  [[0x3a41d8aa], 2, 'n=10'], // ccmn w5, #0x1, #0xa, le
  [[0x3a5c5822], 3, 'n=2'], // ccmn w1, #0x1c, #0x2, pl
  [[0x9a85d4c2], 4, 'x2=100000006 n=0'], // csinc x2, x6, x5, le
  [[0x1a84d406], 5, 'x6=7fffffff n=8'], // csinc w6, w0, w4, le
  [[0xda8644c3], 6, 'x3=d82b14d0e9a9983b n=4'], // cneg x3, x6, pl
  [[0x9a814062], 7, 'x2=ff00 n=3'], // csel x2, x3, x1, mi
  [[0x9a84207f], 0, 'n=6'], // csel xzr, x3, x4, cs
  [[0x1a9fa086], 1, 'x6=0 n=9'], // csel w6, w4, wzr, ge
  [[0xda8030c1], 2, 'x1=0 n=2'], // csinv x1, x6, x0, cc
  [[0xda8064a7], 3, 'x7=ffffffffffffffc0 n=15'], // csneg x7, x5, x0, vs
  [[0x5a8404e6], 4, 'x6=ffffffff n=0'], // csneg w6, w7, w4, eq
  [[0x1a9fe063], 5, 'x3=ffffffff n=8'], // csel w3, w3, wzr, al
  [[0xda814424], 6, 'x4=40a7b892e31b1a47 n=4'], // cneg x4, x1, pl
  [[0x9a818421], 7, 'n=3'], // cinc x1, x1, ls
  [[0x1a809484], 0, 'x4=ffffffff n=6'], // csinc w4, w4, w0, ls
  [[0x9a871046], 1, 'x6=20 n=9'], // csel x6, x2, x7, ne
  [[0x1a825446], 2, 'x6=0 n=2'], // cinc w6, w2, mi
  [[0x5a84a0a5], 3, 'x5=ffffffc0 n=15'], // csinv w5, w5, w4, ge
  [[0x1a8473e5], 4, 'x5=0 n=0'], // csel w5, wzr, w4, vc
  [[0xda82b3e1], 5, 'x1=0 n=8'], // csinv x1, xzr, x2, lt
  [[0xda9fa040], 6, 'x0=94d049bb133111eb n=4'], // csinv x0, x2, xzr, ge
  [[0x5a812446], 7, 'x6=8000 n=3'], // csneg w6, w2, w1, cs
  [[0x9adf0cc3], 0, 'x3=0 n=6'], // sdiv x3, x6, xzr
  [[0x9ac00ce4], 1, 'x4=0 n=9'], // sdiv x4, x7, x0
  [[0x1ac10fff], 2, 'n=2'], // sdiv wzr, wzr, w1
  [[0x9ac70804], 3, 'x4=1 n=15'], // udiv x4, x0, x7
  [[0x9ac108ff], 4, 'n=0'], // udiv xzr, x7, x1
  [[0x1ac00fff], 5, 'n=8'], // sdiv wzr, wzr, w0
  [[0x9ac40be7], 6, 'x7=0 n=4'], // udiv x7, xzr, x4
  [[0x1adf0be6], 7, 'x6=0 n=3'], // udiv w6, wzr, wzr
  [[0x9adf0fe5], 0, 'x5=0 n=6'], // sdiv x5, xzr, xzr
  [[0x9ac40c81], 1, 'x1=1 n=9'], // sdiv x1, x4, x4
  [[0x1ac508ff], 2, 'n=2'], // udiv wzr, w7, w5
  [[0x9adf0c06], 3, 'x6=0 n=15'], // sdiv x6, x0, xzr
  [[0x1ac00cbf], 4, 'n=0'], // sdiv wzr, w5, w0
  [[0x1ac40be5], 5, 'x5=0 n=8'], // udiv w5, wzr, w4
  [[0x1adf0bff], 6, 'n=4'], // udiv wzr, wzr, wzr
  [[0x1adf089f], 7, 'n=3'], // udiv wzr, w4, wzr
  [[0x1ac40fe2], 0, 'x2=0 n=6'], // sdiv w2, wzr, w4
  [[0x1ac30ce7], 1, 'x7=fdf7df7e n=9'], // sdiv w7, w7, w3
  [[0x1adf0882], 2, 'x2=0 n=2'], // udiv w2, w4, wzr
  [[0x1ac30c61], 3, 'x1=1 n=15'], // sdiv w1, w3, w3
  [[0x1ac22c43], 4, 'x3=60000000 n=0'], // ror w3, w2, w2
  [[0x1ac628ff], 5, 'n=8'], // asr wzr, w7, w6
  [[0x1adf2881], 6, 'x1=27d4eb4f n=4'], // asr w1, w4, wzr
  [[0x9ac42fe3], 7, 'x3=0 n=3'], // ror x3, xzr, x4
  [[0x9ac42846], 0, 'x6=ffffffffffffffff n=6'], // asr x6, x2, x4
  [[0x1adf2fe7], 1, 'x7=0 n=9'], // ror w7, wzr, wzr
  [[0x9ac528a0], 2, 'x0=0 n=2'], // asr x0, x5, x5
  [[0x1ac228c5], 3, 'x5=21 n=15'], // asr w5, w6, w2
  [[0x9ac42080], 4, 'x0=2 n=0'], // lsl x0, x4, x4
  [[0x1ac627ff], 5, 'n=8'], // lsr wzr, wzr, w6
  [[0x1ac624a5], 6, 'x5=4f1bbcf n=4'], // lsr w5, w5, w6
  [[0x1ac62024], 7, 'x4=0 n=3'], // lsl w4, w1, w6
  [[0x1ac12005], 0, 'x5=0 n=6'], // lsl w5, w0, w1
  [[0x1adf2cc0], 1, 'x0=1f n=9'], // ror w0, w6, wzr
  [[0x9adf2426], 2, 'x6=ffffffffffffffff n=2'], // lsr x6, x1, xzr
  [[0x1adf2c63], 3, 'x3=ffff8000 n=15'], // ror w3, w3, wzr
  [[0x9ac02427], 4, 'x7=7ffffffffffffff n=0'], // lsr x7, x1, x0
  [[0x1ac124c5], 5, 'x5=1f n=8'], // lsr w5, w6, w1
  [[0x1adf2480], 6, 'x0=27d4eb4f n=4'], // lsr w0, w4, wzr
  [[0x9ac42842], 7, 'x2=4000 n=3'], // asr x2, x2, x4
  [[0x9ac14c1f], 0, 'n=6'], // crc32x wzr, w0, x1
  [[0x1ac247e7], 1, 'x7=958424a2 n=9'], // crc32h w7, wzr, w2
  [[0x1adf5be3], 2, 'x3=0 n=2'], // crc32cw w3, wzr, wzr
  [[0x1adf5be1], 3, 'x1=0 n=15'], // crc32cw w1, wzr, wzr
  [[0x1ac457e4], 4, 'x4=13a29877 n=0'], // crc32ch w4, wzr, w4
  [[0x1ac254a4], 5, 'x4=0 n=8'], // crc32ch w4, w5, w2
  [[0x1adf50c0], 6, 'x0=f66a64bf n=4'], // crc32cb w0, w6, wzr
  [[0x9adf4ce6], 7, 'x6=4225077d n=3'], // crc32x w6, w7, xzr
  [[0x1ac54062], 0, 'x2=0 n=6'], // crc32b w2, w3, w5
  [[0x1ac14823], 1, 'x3=0 n=9'], // crc32w w3, w1, w1
  [[0x1ac45be4], 2, 'x4=0 n=2'], // crc32cw w4, wzr, w4
  [[0x9ac55cc1], 3, 'x1=b1678c00 n=15'], // crc32cx w1, w6, x5
  [[0x1adf50e5], 4, 'x5=64819b9a n=0'], // crc32cb w5, w7, wzr
  [[0x1ac65487], 5, 'x7=a9a91053 n=8'], // crc32ch w7, w4, w6
  [[0x1ac0543f], 6, 'n=4'], // crc32ch wzr, w1, w0
  [[0x1ac35844], 7, 'x4=d987be7c n=3'], // crc32cw w4, w2, w3
  [[0x1adf48e7], 0, 'x7=debb20e3 n=6'], // crc32w w7, w7, wzr
  [[0x9ac04cc2], 1, 'x2=7e5574f2 n=9'], // crc32x w2, w6, x0
  [[0x1ac5443f], 2, 'n=2'], // crc32h wzr, w1, w5
  [[0x1adf44bf], 3, 'n=15'], // crc32h wzr, w5, wzr
  [[0xdac00bff], 4, 'n=0'], // rev32 xzr, xzr
  [[0xdac003e7], 5, 'x7=0 n=8'], // rbit x7, xzr
  [[0x5ac004c1], 6, 'x1=5616c567 n=4'], // rev16 w1, w6
  [[0xdac0081f], 7, 'n=3'], // rev32 xzr, x0
  [[0xdac00820], 0, 'x0=1000000 n=6'], // rev32 x0, x1
  [[0xdac007ff], 1, 'n=9'], // rev16 xzr, xzr
  [[0xdac00ce4], 2, 'x4=8000000080 n=2'], // rev x4, x7
  [[0x5ac00845], 3, 'x5=80ff0000 n=15'], // rev w5, w2
  [[0x5ac00465], 4, 'x5=fffffdff n=0'], // rev16 w5, w3
  [[0x5ac00480], 5, 'x0=ff7fffff n=8'], // rev16 w0, w4
  [[0xdac00440], 6, 'x0=d094bb493113eb11 n=4'], // rev16 x0, x2
  [[0x5ac000df], 7, 'n=3'], // rbit wzr, w6
  [[0xdac007e7], 0, 'x7=0 n=6'], // rev16 x7, xzr
  [[0x5ac008e7], 1, 'x7=80 n=9'], // rev w7, w7
  [[0xdac007e2], 2, 'x2=0 n=2'], // rev16 x2, xzr
  [[0xdac00be4], 3, 'x4=0 n=15'], // rev32 x4, xzr
  [[0xdac008e5], 4, 'x5=aaaaaaaa55555555 n=0'], // rev32 x5, x7
  [[0xdac00884], 5, 'x4=ffffffffffffff7f n=8'], // rev32 x4, x4
  [[0xdac00fe3], 6, 'x3=0 n=4'], // rev x3, xzr
  [[0xdac00ce6], 7, 'x6=200000000000000 n=3'], // rev x6, x7
  [[0x5ac01467], 0, 'x7=1f n=6'], // cls w7, w3
  [[0x5ac014e7], 1, 'x7=0 n=9'], // cls w7, w7
  [[0x5ac017e3], 2, 'x3=1f n=2'], // cls w3, wzr
  [[0x5ac01064], 3, 'x4=0 n=15'], // clz w4, w3
  [[0x5ac01420], 4, 'x0=1c n=0'], // cls w0, w1
  [[0x5ac014df], 5, 'n=8'], // cls wzr, w6
  [[0x5ac0145f], 6, 'n=4'], // cls wzr, w2
  [[0x5ac014e3], 7, 'x3=1d n=3'], // cls w3, w7
  [[0x5ac014a1], 0, 'x1=0 n=6'], // cls w1, w5
  [[0xdac010a2], 1, 'x2=1f n=9'], // clz x2, x5
  [[0x5ac010df], 2, 'n=2'], // clz wzr, w6
  [[0x5ac01007], 3, 'x7=0 n=15'], // clz w7, w0
  [[0xdac01463], 4, 'x3=3d n=0'], // cls x3, x3
  [[0x5ac013e0], 5, 'x0=20 n=8'], // clz w0, wzr
  [[0x5ac01487], 6, 'x7=1 n=4'], // cls w7, w4
  [[0xdac010c6], 7, 'x6=0 n=3'], // clz x6, x6
  [[0xdac01085], 0, 'x5=1 n=6'], // clz x5, x4
  [[0xdac01462], 1, 'x2=39 n=9'], // cls x2, x3
  [[0x5ac010c7], 2, 'x7=19 n=2'], // clz w7, w6
  [[0x5ac014c3], 3, 'x3=19 n=15'], // cls w3, w6
  [[0x9b1f08e3], 4, 'x3=3 n=0'], // madd x3, x7, xzr, x2
  [[0x1b037ca7], 5, 'x7=0 n=8'], // mul w7, w5, w3
  [[0x9b038be4], 6, 'x4=94d049bb133111eb n=4'], // msub x4, xzr, x3, x2
  [[0x1b04887f], 7, 'n=3'], // msub wzr, w3, w4, w2
  [[0x9b059444], 0, 'x4=100000000 n=6'], // msub x4, x2, x5, x5
  [[0x9b1f0fe1], 1, 'x1=3f n=9'], // madd x1, xzr, xzr, x3
  [[0x9b031c3f], 2, 'n=2'], // madd xzr, x1, x3, x7
  [[0x9b00fc64], 3, 'x4=df77e57f78068000 n=15'], // mneg x4, x3, x0
  [[0x1b030042], 4, 'x2=fffffffc n=0'], // madd w2, w2, w3, w0
  [[0x9b048c62], 5, 'x2=ffffffff7ffffffe n=8'], // msub x2, x3, x4, x3
  [[0x9b077cc6], 6, 'x6=7fbea5aeceec072f n=4'], // mul x6, x6, x7
  [[0x1b037fe4], 7, 'x4=0 n=3'], // mul w4, wzr, w3
  [[0x9b030cdf], 0, 'n=6'], // madd xzr, x6, x3, x3
  [[0x9b1f8c42], 1, 'x2=3f n=9'], // msub x2, x2, xzr, x3
  [[0x1b039c84], 2, 'x4=80000000 n=2'], // msub w4, w4, w3, w7
  [[0x1b06fc25], 3, 'x5=40da7431 n=15'], // mneg w5, w1, w6
  [[0x9b03fc63], 4, 'x3=fffffffffffffff7 n=0'], // mneg x3, x3, x3
  [[0x1b067c47], 5, 'x7=80000000 n=8'], // mul w7, w2, w6
  [[0x1b050be7], 6, 'x7=133111eb n=4'], // madd w7, wzr, w5, w2
  [[0x9b0387e4], 7, 'x4=ff00 n=3'], // msub x4, xzr, x3, x1
  [[0x9ba204e2], 0, 'x2=fffffffe00000002 n=6'], // umaddl x2, w7, w2, x1
  [[0x9ba4883f], 1, 'n=9'], // umsubl xzr, w1, w4, x2
  [[0x9ba4fc20], 2, 'x0=0 n=2'], // umnegl x0, w1, w4
  [[0x9bbf1404], 3, 'x4=ffffffffffffffc0 n=15'], // umaddl x4, w0, wzr, x5
  [[0x9b2500bf], 4, 'n=0'], // smaddl xzr, w5, w5, x0
  [[0x9b219c9f], 5, 'n=8'], // smsubl xzr, w4, w1, x7
  [[0x9bbf8be2], 6, 'n=4'], // umsubl x2, wzr, wzr, x2
  [[0x9b2198c6], 7, 'x6=1fdfe n=3'], // smsubl x6, w6, w1, x6
  [[0x9ba107ff], 0, 'n=6'], // umaddl xzr, wzr, w1, x1
  [[0x9b2283e1], 1, 'x1=1234567890abcdef n=9'], // smsubl x1, wzr, w2, x0
  [[0x9b2788e3], 2, 'x3=4000000000000000 n=2'], // smsubl x3, w7, w7, x2
  [[0x9b3f1821], 3, 'x1=21 n=15'], // smaddl x1, w1, wzr, x6
  [[0x9ba30fe4], 4, 'x4=fffffffffffffffd n=0'], // umaddl x4, wzr, w3, x3
  [[0x9b2684c1], 5, 'x1=fffffffffffff080 n=8'], // smsubl x1, w6, w6, x1
  [[0x9ba284a0], 6, 'x0=b37bd5ae5d356526 n=4'], // umsubl x0, w5, w2, x1
  [[0x9b267fe4], 7, 'x4=0 n=3'], // smull x4, wzr, w6
  [[0x9bbf18ff], 0, 'n=6'], // umaddl xzr, w7, wzr, x6
  [[0x9ba3ffe3], 1, 'x3=0 n=9'], // umnegl x3, wzr, w3
  [[0x9b2403ff], 2, 'n=2'], // smaddl xzr, wzr, w4, x0
  [[0x9ba307e4], 3, 'x4=123456789abcdef n=15'], // umaddl x4, wzr, w3, x1
  [[0x9bc00cbf], 4, 'n=0'], // umulh xzr, x5, x0
  [[0x9bdf7ca7], 5, 'x7=0 n=8'], // umulh x7, x5, xzr
  [[0x9b477c04], 6, 'x4=2ea1481aa496cda1 n=4'], // smulh x4, x0, x7
  [[0x9bdf1487], 7, 'x7=0 n=3'], // umulh x7, x4, xzr
  [[0x9b470fe1], 0, 'x1=0 n=6'], // smulh x1, xzr, x7
  [[0x9bdf7c40], 1, 'x0=0 n=9'], // umulh x0, x2, xzr
  [[0x9bc00024], 2, 'x4=fffffffffffffffe n=2'], // umulh x4, x1, x0
  [[0x9b4403e1], 3, 'x1=0 n=15'], // smulh x1, xzr, x4
  [[0x9b427fff], 4, 'n=0'], // smulh xzr, xzr, x2
  [[0x9bc31802], 5, 'x2=7ffffffe n=8'], // umulh x2, x0, x3
  [[0x9bc200c4], 6, 'x4=1727806f21c0c2f5 n=4'], // umulh x4, x6, x2
  [[0x9b5f1c24], 7, 'x4=0 n=3'], // smulh x4, x1, xzr
  [[0x9b4504e0], 0, 'n=6'], // smulh x0, x7, x5
  [[0x9b427cdf], 1, 'n=9'], // smulh xzr, x6, x2
  [[0x9b471c22], 2, 'x2=0 n=2'], // smulh x2, x1, x7
  [[0x9b450c21], 3, 'x1=ffffffffffffffff n=15'], // smulh x1, x1, x5
  [[0x9bc07ca6], 4, 'x6=0 n=0'], // umulh x6, x5, x0
  [[0x9b471be5], 5, 'x5=0 n=8'], // smulh x5, xzr, x7
  [[0x9bc50886], 6, 'x6=10fd11dcc3f139c0 n=4'], // umulh x6, x4, x5
  [[0x9bdf1c05], 7, 'x5=0 n=3'], // umulh x5, x0, xzr
  [[0xda8644c3, 0xba434020], 0, 'x3=ffffffff80000001 n=0'], // cneg x3, x6, pl; ccmn x1, x3, #0x0, mi
  [[0x6ac76843, 0x2b24c45f, 0x6a1f13e4], 1, 'x3=20 x4=0 n=4'], // ands w3, w2, w7, ror #26; cmn w2, w4, sxtw #1; ands w4, wzr, wzr, lsl #4
  [[0xba44904a, 0xfa45a065], 2, 'n=5'], // ccmn x2, x4, #0xa, ls; ccmp x3, x5, #0x5, ge
  [[0xf2512866, 0xeac1c0a4, 0xba030043], 3, 'x3=7f80 x4=456789abcdef0100 x6=3ff800000000000 n=2'], // ands x6, x3, #0x3ff800000000000; ands x4, x5, x1, ror #48; adcs x3, x2, x3
  [[0x6b25f0e5, 0x6aa1545f], 4, 'x5=55555505 n=4'], // subs w5, w7, w5, sxtx #4; bics wzr, w2, w1, asr #21
  [[0xf2752c80, 0xfa451047, 0x2b2743e4], 5, 'x0=7ff800 x4=40 n=0'], // ands x0, x4, #0x7ff800; ccmp x2, x5, #0x7, ne; adds w4, wsp, w7
  [[0x6b2483e1, 0x3a5c5822], 6, 'x1=ffffffb1 n=2'], // subs w1, wsp, w4, sxtb; ccmn w1, #0x1c, #0x2, pl
  [[0xea5f5046, 0x7a45f02a, 0xfa0200e4], 7, 'x4=ffffffffffff8001 x6=0 n=8'], // ands x6, x2, xzr, lsr #20; ccmp w1, w5, #0xa, nv; sbcs x4, x7, x2
  [[0x2b0138a1, 0xfa020027], 0, 'x1=80004000 x7=80004000 n=0'], // adds w1, w5, w1, lsl #14; sbcs x7, x1, x2
  [[0xba1f03e7, 0xfa010061, 0x6b3f6040], 1, 'x0=20 x1=123456789abce2e x7=0 n=2'], // adcs x7, xzr, xzr; sbcs x1, x3, x1; subs w0, w2, wzr, uxtx
  [[0x1a9fe063, 0x6b238442], 2, 'x2=0 x3=0 n=6'], // csel w3, w3, wzr, al; subs w2, w2, w3, sxtb #1
  [[0xeb051fe1, 0x3a0600e5, 0x72295c60], 3, 'x0=ff800000 x1=2000 x5=20 n=8'], // negs x1, x5, lsl #7; adcs w5, w7, w6; ands w0, w3, #0xff807fff
  [[0x9a84207f, 0x3a060042], 4, 'x2=aaaaaaad n=8'], // csel xzr, x3, x4, cs; adcs w2, w2, w6
  [[0x6a1f13e4, 0xeb82ac62, 0x9a84207f], 5, 'x2=ffffffffffffffff x4=0 n=10'], // ands w4, wzr, wzr, lsl #4; subs x2, x3, x2, asr #43; csel xzr, x3, x4, cs
  [[0x3a4eb8ef, 0xf2567fe0], 6, 'x0=0 n=4'], // ccmn w7, #0xe, #0xf, lt; ands x0, xzr, #0xfffffc00000003ff
  [[0x7a47706f, 0x9a85d4c2, 0xba5f4042], 7, 'x2=fffffffffffffffe n=8'], // ccmp w3, w7, #0xf, vc; csinc x2, x6, x5, le; ccmn x2, xzr, #0x2, mi
  [[0xeb82ac62, 0xfa040004], 0, 'x2=8000000000000001 x4=8000000000000000 n=8'], // subs x2, x3, x2, asr #43; sbcs x4, x0, x4
  [[0x3a060042, 0x6b3f6040, 0xba1f03e7], 1, 'x0=3f x2=3f x7=1 n=0'], // adcs w2, w2, w6; subs w0, w2, wzr, uxtx; adcs x7, xzr, xzr
  [[0x2b3fa7e3, 0xfa451047], 2, 'x3=fffffff0 n=3'], // adds w3, wsp, wzr, sxth #1; ccmp x2, x5, #0x7, ne
  [[0x6ac76843, 0x721c589f, 0x7a477065], 3, 'x3=ff80 n=0'], // ands w3, w2, w7, ror #26; tst w4, #0x7fffff0; ccmp w3, w7, #0x5, vc
  [[0x7a50d80b, 0x6aa75025], 4, 'x5=fffffaaa n=8'], // ccmp w0, #0x10, #0xb, le; bics w5, w1, w7, asr #20
  [[0xab82c01f, 0x7a4ca8ad, 0xf27b74df], 5, 'n=0'], // cmn x0, x2, asr #48; ccmp w5, #0xc, #0xd, ge; tst x6, #0x7ffffffe0
  [[0xba1f03e7, 0xab8574e7], 6, 'x7=b2b33d8c n=0'], // adcs x7, xzr, xzr; adds x7, x7, x5, asr #29
  [[0xfa040064, 0xba1f001f, 0xba030043], 7, 'x3=8080 x4=10000007f n=0'], // sbcs x4, x3, x4; adcs xzr, x0, xzr; adcs x3, x2, x3
  [[0x5a84a0a5, 0xf224a3e3], 0, 'x3=0 n=4'], // csinv w5, w5, w4, ge; ands x3, xzr, #0xf01ff01ff01ff01f
  [[0x722154df, 0xba416022, 0x6b208be1], 1, 'x1=80000034 n=9'], // tst w6, #0x801fffff; ccmn x1, x1, #0x2, vs; subs w1, wsp, w0, sxtb #2
  [[0x2b0138a1, 0xea663401], 2, 'n=8'], // adds w1, w5, w1, lsl #14; bics x1, x0, x6, lsr #13
  [[0xeac3d7e4, 0x7a48d86a, 0xeac3d7e4], 3, 'x4=0 n=4'], // ands x4, xzr, x3, ror #53; ccmp w3, #0x8, #0xa, le; ands x4, xzr, x3, ror #53
  [[0x722154df, 0xea60a0a1], 4, 'x1=100000005 n=0'], // tst w6, #0x801fffff; bics x1, x5, x0, lsr #40
  [[0xba434020, 0x7a42b00f, 0xfa0200e4], 5, 'x4=ffffffff80000040 n=8'], // ccmn x1, x3, #0x0, mi; ccmp w0, w2, #0xf, lt; sbcs x4, x7, x2
  [[0xf27b74df, 0x7a4ca8ad], 6, 'n=10'], // tst x6, #0x7ffffffe0; ccmp w5, #0xc, #0xd, ge
  [[0xba1f001f, 0xf251a4e3, 0xeb006fe2], 7, 'x2=fffffff808000000 x3=2 n=8'], // adcs xzr, x0, xzr; ands x3, x7, #0xffff800001ffffff; negs x2, x0, lsl #27
  [[0xf22740e6, 0xea5f5046], 0, 'x6=0 n=4'], // ands x6, x7, #0xfe0003fffe0003ff; ands x6, x2, xzr, lsr #20
  [[0xf2752c80, 0x6aff47e7, 0xba1f00ff], 1, 'x0=0 x7=0 n=4'], // ands x0, x4, #0x7ff800; bics w7, wzr, wzr, ror #17; adcs xzr, x7, xzr
  [[0xeb42b001, 0x2b24c45f], 2, 'x1=fffffffffff7ffff n=4'], // subs x1, x0, x2, lsr #44; cmn w2, w4, sxtw #1
  [[0xeb9f67e2, 0xeb0748e4, 0xba416022], 3, 'x2=0 x4=800000000003ffff n=0'], // negs x2, xzr, asr #25; subs x4, x7, x7, lsl #18; ccmn x1, x1, #0x2, vs
  [[0x3a43a06a, 0x6ac76843], 4, 'x3=1 n=0'], // ccmn w3, w3, #0xa, ge; ands w3, w2, w7, ror #26
  [[0xeb238ce1, 0x2b4504e6, 0x1a9fa086], 5, 'x1=48 x6=7fffffff n=0'], // subs x1, x7, w3, sxtb #3; adds w6, w7, w5, lsr #1; csel w6, w4, wzr, ge
  [[0xeb051fe1, 0x2b25aca0], 6, 'x0=9e3b49c1 x1=d4cc2730e4430380 n=8'], // negs x1, x5, lsl #7; adds w0, w5, w5, sxth #3
  [[0x6aff47e7, 0xeb0748e4, 0xeb238ce1], 7, 'x1=400 x4=0 x7=0 n=0'], // bics w7, wzr, wzr, ror #17; subs x4, x7, x7, lsl #18; subs x1, x7, w3, sxtb #3
  [[0x3a4713eb, 0xea830be2], 0, 'x2=0 n=4'], // ccmn wzr, w7, #0xb, ne; ands x2, xzr, x3, asr #2
  [[0x7a42b00f, 0xea663401, 0x9a814062], 1, 'x1=1234567890abcdef x2=1234567890abcdef n=0'], // ccmp w0, w2, #0xf, lt; bics x1, x0, x6, lsr #13; csel x2, x3, x1, mi
  [[0xab82c01f, 0xfa0103ff], 2, 'n=0'], // cmn x0, x2, asr #48; ngcs xzr, x1
  [[0xf21e3c66, 0xeb051fe1, 0xeb202ca6], 3, 'x1=2000 x6=fffffffffff87f58 n=10'], // ands x6, x3, #0x3fffc0003fffc; negs x1, x5, lsl #7; subs x6, x5, w0, uxth #3
  [[0xba5fc3e6, 0x3a4713eb], 4, 'n=11'], // ccmn xzr, xzr, #0x6, gt; ccmn wzr, w7, #0xb, ne
  [[0xfa040064, 0xf22740e6, 0x7a47706f], 5, 'x4=7fffffff x6=40 n=10'], // sbcs x4, x3, x4; ands x6, x7, #0xfe0003fffe0003ff; ccmp w3, w7, #0xf, vc
  [[0x6a1f13e4, 0xea5fa867], 6, 'x4=0 x7=0 n=4'], // ands w4, wzr, wzr, lsl #4; ands x7, x3, xzr, lsr #42
  [[0xab476cbf, 0x3a43a06a, 0xba5f4042], 7, 'n=2'], // cmn x5, x7, lsr #27; ccmn w3, w3, #0xa, ge; ccmn x2, xzr, #0x2, mi
  [[0xeac33800, 0xea830be2], 0, 'x2=0 n=4'], // ands x0, x0, x3, ror #14; ands x2, xzr, x3, asr #2
  [[0xeb006fe2, 0xba1f001f, 0xab82c01f], 1, 'x2=3b7aa19088000000 n=0'], // negs x2, x0, lsl #27; adcs xzr, x0, xzr; cmn x0, x2, asr #48
  [[0xf24997e1, 0xfa472beb], 2, 'x1=0 n=11'], // ands x1, xzr, #0xff8000001fffffff; ccmp xzr, #0x7, #0xb, cs
  [[0xea663401, 0xf2278fe6, 0x5a84a0a5], 3, 'x1=deadbeefcafef00d x5=ffffffc0 x6=0 n=4'], // bics x1, x0, x6, lsr #13; ands x6, xzr, #0x1e001e001e001e00; csinv w5, w5, w4, ge
  [[0x2b4504e6, 0xfa4110ab], 4, 'x6=55555557 n=0'], // adds w6, w7, w5, lsr #1; ccmp x5, x1, #0xb, ne
  [[0xeb202ca6, 0xf2752c80, 0xfa010061], 5, 'x0=7ff800 x1=fffffffffffffffd x6=7ffffff80008 n=10'], // subs x6, x5, w0, uxth #3; ands x0, x4, #0x7ff800; sbcs x1, x3, x1
  [[0xeae47882, 0xea2324c0], 6, 'x0=2414c921064445c5 x2=40a002002514430b n=0'], // bics x2, x4, x4, ror #30; bics x0, x6, x3, lsl #9
  [[0xeb1fa0df, 0x7a44b880, 0xeb046823], 7, 'x3=3fffffffc00ff00 n=0'], // cmp x6, xzr, lsl #40; ccmp w4, #0x4, #0x0, lt; subs x3, x1, x4, lsl #26
  [[0xba407044, 0xeb9f67e2], 0, 'x2=0 n=6'], // ccmn x2, x0, #0x4, vc; negs x2, xzr, asr #25
  [[0xba40e3e4, 0x3a598888, 0xf2512866], 1, 'x6=0 n=4'], // ccmn xzr, x0, #0x4, al; ccmn w4, #0x19, #0x8, hi; ands x6, x3, #0x3ff800000000000
  [[0x7a0600c3, 0x3a5c5822], 2, 'x3=0 n=2'], // sbcs w3, w6, w6; ccmn w1, #0x1c, #0x2, pl
  [[0xea616be0, 0xba030043, 0x7a50d80b], 3, 'x0=0 x3=7f80 n=11'], // bics x0, xzr, x1, lsr #26; adcs x3, x2, x3; ccmp w0, #0x10, #0xb, le
  [[0x2b4504e6, 0xab476cbf], 4, 'x6=55555557 n=0'], // adds w6, w7, w5, lsr #1; cmn x5, x7, lsr #27
  [[0xeb035060, 0x721c589f, 0xba416022], 5, 'x0=fffff n=2'], // subs x0, x3, x3, lsl #20; tst w4, #0x7fffff0; ccmn x1, x1, #0x2, vs
  [[0xf2278fe6, 0x6b208be1], 6, 'x1=ffffffac x6=0 n=8'], // ands x6, xzr, #0x1e001e001e001e00; subs w1, wsp, w0, sxtb #2
  [[0xf23e6ca4, 0x7a45f02a, 0x6b3f6040], 7, 'x0=8000 x4=0 n=2'], // ands x4, x5, #0x3ffffffc3ffffffc; ccmp w1, w5, #0xa, nv; subs w0, w2, wzr, uxtx
];

describe('data processing against qemu-aarch64', () => {
  it(`${VECTORS.length} recorded cases`, () => {
    for (const [words, set, expected] of VECTORS) {
      const [x, sp, nzcv] = SETS[set];
      const init: Record<number, bigint> = {};
      x.forEach((v, i) => (init[i] = v));
      const want = { x: [...x], sp, nzcv: -1 };
      for (const item of expected.split(' ')) {
        const [k, v] = item.split('=');
        if (k === 'n') want.nzcv = Number(v);
        else if (k === 'sp') want.sp = BigInt(`0x${v}`);
        else want.x[Number(k.slice(1))] = BigInt(`0x${v}`);
      }
      const r = runA64(words, { x: init, sp, nzcv });
      const ctx = `${words.map((w) => w.toString(16)).join(',')} set ${set}`;
      expect(r.x.slice(0, 8), ctx).toEqual(want.x);
      expect(r.sp, ctx).toBe(want.sp);
      expect(r.nzcv, ctx).toBe(want.nzcv);
    }
  });
});

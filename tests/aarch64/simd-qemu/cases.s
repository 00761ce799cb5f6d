// Instructions recorded by gen.ts: one per line (GNU as syntax or .inst); registers stay
// within v0..v7 and x0..x7, the operands the vectors initialise.
// ---- moves, immediates and permutes
movi v0.16b, #0
movi v0.8b, #0xff
movi v1.16b, #0x5a
movi v1.4h, #0x12, lsl #8
movi v1.8h, #0x12
movi v1.4s, #0x12, msl #8
movi v1.2s, #0x12, msl #16
movi v1.4s, #0x12, lsl #24
movi v1.2s, #0x12
movi v1.2d, #0xff00ff00ff00ff00
movi d1, #0xff00ff00ff00ff00
movi d1, #0xff
mvni v1.4s, #0x12, lsl #16
mvni v1.2s, #0x12, msl #8
mvni v1.8h, #0x80
mvni v1.4h, #0x80, lsl #8
orr v1.4s, #0x12, lsl #16
orr v1.2s, #0x12
orr v1.4h, #0x12, lsl #8
bic v1.8h, #0x12, lsl #8
bic v1.2s, #0xff, lsl #24
bic v1.4s, #0xff
fmov v1.4s, #1.0
fmov v1.2d, #-2.5
fmov v1.2s, #0.125
fmov v1.2d, #31.0
fmov v1.4s, #-0.1875
dup v0.16b, w1
dup v0.8b, w1
dup v0.4h, w1
dup v0.8h, w1
dup v0.2s, w1
dup v0.4s, w1
dup v0.2d, x1
dup v0.8h, v3.h[5]
dup v0.16b, v0.b[15]
dup v0.8b, v2.b[9]
dup v0.2s, v2.s[3]
dup v0.4s, v0.s[1]
dup v0.2d, v1.d[1]
dup v0.4h, v1.h[7]
dup b0, v1.b[3]
dup h0, v0.h[7]
mov s0, v1.s[3]
mov d0, v1.d[1]
mov d1, v1.d[0]
ins v0.s[1], w3
mov v0.d[1], x3
mov v0.b[15], w3
mov v0.h[6], w3
mov v0.h[1], v3.h[7]
mov v0.b[1], v0.b[7]
mov v0.s[0], v3.s[3]
mov v0.d[1], v0.d[0]
umov w0, v1.b[3]
umov w0, v1.h[7]
umov w0, v1.s[3]
mov x0, v1.d[1]
smov x0, v1.h[3]
smov w0, v1.b[3]
smov x0, v1.s[2]
smov w1, v1.h[6]
smov x1, v1.b[15]
ext v0.16b, v1.16b, v2.16b, #3
ext v0.16b, v1.16b, v2.16b, #8
ext v0.16b, v0.16b, v0.16b, #15
ext v0.16b, v1.16b, v2.16b, #0
ext v0.8b, v1.8b, v2.8b, #3
ext v0.8b, v1.8b, v2.8b, #7
ext v1.8b, v1.8b, v0.8b, #4
tbl v0.16b, {v1.16b}, v2.16b
tbl v0.8b, {v1.16b}, v7.8b
tbl v0.16b, {v1.16b, v2.16b}, v7.16b
tbl v7.16b, {v5.16b, v6.16b, v7.16b}, v7.16b
tbl v0.16b, {v4.16b, v5.16b, v6.16b, v7.16b}, v0.16b
tbx v0.16b, {v1.16b}, v7.16b
tbx v0.8b, {v1.16b, v2.16b}, v7.8b
tbx v0.16b, {v1.16b, v2.16b, v3.16b}, v7.16b
tbx v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v7.16b
zip1 v0.4s, v1.4s, v2.4s
zip2 v0.4s, v1.4s, v2.4s
zip1 v0.16b, v1.16b, v2.16b
zip2 v0.8b, v1.8b, v0.8b
zip1 v0.4h, v1.4h, v2.4h
zip2 v0.8h, v0.8h, v2.8h
zip1 v0.2d, v1.2d, v2.2d
zip2 v0.2s, v1.2s, v2.2s
uzp1 v0.16b, v1.16b, v2.16b
uzp2 v0.8b, v1.8b, v2.8b
uzp1 v0.4s, v0.4s, v2.4s
uzp2 v0.8h, v1.8h, v0.8h
uzp1 v0.2d, v1.2d, v2.2d
uzp2 v0.2s, v1.2s, v2.2s
uzp1 v0.4h, v1.4h, v2.4h
trn1 v0.2d, v1.2d, v2.2d
trn1 v0.16b, v1.16b, v2.16b
trn2 v0.16b, v1.16b, v2.16b
trn1 v0.4h, v1.4h, v2.4h
trn2 v0.8h, v1.8h, v2.8h
trn2 v0.2s, v1.2s, v0.2s
trn1 v0.4s, v1.4s, v2.4s
rev16 v0.16b, v1.16b
rev16 v0.8b, v0.8b
rev32 v0.8h, v1.8h
rev32 v0.16b, v1.16b
rev32 v0.4h, v1.4h
rev64 v0.4s, v1.4s
rev64 v0.16b, v1.16b
rev64 v0.8h, v0.8h
rev64 v0.2s, v1.2s
xtn v0.8b, v1.8h
xtn v0.4h, v1.4s
xtn v0.2s, v0.2d
xtn2 v0.16b, v1.8h
xtn2 v0.8h, v0.4s
xtn2 v0.4s, v1.2d
// ---- integer lane operations
and v0.16b, v1.16b, v2.16b
bic v0.8b, v1.8b, v2.8b
orr v0.16b, v1.16b, v2.16b
orr v0.16b, v1.16b, v1.16b
orn v0.8b, v1.8b, v2.8b
eor v0.16b, v1.16b, v0.16b
bsl v0.16b, v1.16b, v2.16b
bit v0.8b, v1.8b, v2.8b
bif v0.16b, v1.16b, v2.16b
shadd v0.16b, v1.16b, v2.16b
uhadd v0.4s, v1.4s, v2.4s
shadd v0.2s, v1.2s, v2.2s
urhadd v0.8h, v1.8h, v2.8h
srhadd v0.4s, v1.4s, v2.4s
uhsub v0.4s, v1.4s, v2.4s
shsub v0.4h, v1.4h, v2.4h
sqadd v0.16b, v1.16b, v2.16b
uqadd v0.8h, v1.8h, v2.8h
sqadd v0.2d, v1.2d, v2.2d
uqadd v0.2d, v1.2d, v2.2d
sqsub v0.4s, v1.4s, v2.4s
uqsub v0.8b, v1.8b, v2.8b
uqsub v0.2s, v1.2s, v2.2s
sqsub v0.2d, v1.2d, v2.2d
uqsub d0, d1, d2
sqadd b0, b1, b2
uqadd h0, h1, h2
sqsub s0, s1, s2
cmgt v0.16b, v1.16b, v2.16b
cmhi v0.8h, v1.8h, v2.8h
cmge v0.4s, v1.4s, v2.4s
cmhs v0.2d, v1.2d, v2.2d
cmgt v0.2d, v1.2d, v2.2d
cmhi d0, d1, d2
cmge d0, d1, d2
cmgt d0, d1, d2
cmhs v0.16b, v1.16b, v2.16b
sshl v0.16b, v1.16b, v3.16b
ushl v0.4s, v1.4s, v3.4s
sshl v0.8h, v1.8h, v3.8h
ushl v0.2d, v1.2d, v3.2d
sshl d0, d1, d3
sqshl v0.4s, v1.4s, v3.4s
uqshl v0.16b, v1.16b, v3.16b
srshl v0.8h, v1.8h, v3.8h
urshl v0.4s, v1.4s, v3.4s
sqrshl v0.16b, v1.16b, v3.16b
uqrshl v0.4s, v1.4s, v3.4s
sqrshl v0.2d, v1.2d, v3.2d
urshl d0, d1, d3
sqshl s0, s1, s3
smax v0.16b, v1.16b, v2.16b
umax v0.8h, v1.8h, v2.8h
smin v0.4s, v1.4s, v2.4s
umin v0.2s, v1.2s, v2.2s
sabd v0.16b, v1.16b, v2.16b
uabd v0.4s, v1.4s, v2.4s
saba v0.8h, v1.8h, v2.8h
uaba v0.4s, v1.4s, v2.4s
add v0.16b, v1.16b, v2.16b
add v0.8h, v1.8h, v2.8h
add v0.4s, v1.4s, v2.4s
add v0.2d, v1.2d, v2.2d
add v0.8b, v1.8b, v2.8b
add d0, d1, d2
sub v0.16b, v1.16b, v2.16b
sub v0.4h, v1.4h, v2.4h
sub v0.2s, v1.2s, v2.2s
sub v0.2d, v1.2d, v2.2d
sub d0, d1, d2
cmtst v0.16b, v1.16b, v2.16b
cmtst v0.8h, v1.8h, v2.8h
cmtst v0.2d, v1.2d, v2.2d
cmeq v0.16b, v1.16b, v2.16b
cmeq v0.4h, v1.4h, v2.4h
cmeq v0.4s, v1.4s, v2.4s
cmeq v0.2d, v1.2d, v2.2d
cmeq d0, d1, d2
cmtst d0, d1, d2
mla v0.16b, v1.16b, v2.16b
mla v0.4s, v1.4s, v2.4s
mls v0.8h, v1.8h, v2.8h
mul v0.4s, v1.4s, v2.4s
mul v0.8b, v1.8b, v2.8b
mul v0.8h, v1.8h, v2.8h
pmul v0.16b, v1.16b, v2.16b
smaxp v0.16b, v1.16b, v2.16b
umaxp v0.16b, v1.16b, v1.16b
uminp v0.8b, v1.8b, v2.8b
sminp v0.4s, v1.4s, v2.4s
umaxp v0.4h, v1.4h, v2.4h
sqdmulh v0.8h, v1.8h, v2.8h
sqdmulh v0.4s, v1.4s, v2.4s
sqrdmulh v0.4h, v1.4h, v2.4h
sqrdmulh v0.4s, v1.4s, v2.4s
sqdmulh h0, h1, h2
sqrdmulh s0, s1, s2
addp v0.16b, v1.16b, v2.16b
addp v0.8h, v1.8h, v0.8h
addp v0.4s, v1.4s, v2.4s
addp v0.2s, v1.2s, v2.2s
addp v0.2d, v1.2d, v2.2d
addp d0, v1.2d
suqadd v0.16b, v1.16b
usqadd v0.4s, v1.4s
suqadd v0.2d, v1.2d
usqadd d0, d1
suqadd b0, b1
cls v0.16b, v1.16b
clz v0.8h, v1.8h
cls v0.4s, v1.4s
clz v0.2s, v1.2s
cnt v0.16b, v1.16b
cnt v0.8b, v1.8b
not v0.16b, v1.16b
mvn v0.8b, v1.8b
rbit v0.16b, v1.16b
sqabs v0.16b, v1.16b
sqneg v0.8h, v1.8h
sqabs v0.2d, v1.2d
sqneg d0, d1
sqabs s0, s1
cmgt v0.16b, v1.16b, #0
cmge v0.8h, v1.8h, #0
cmeq v0.16b, v1.16b, #0
cmeq v0.8h, v1.8h, #0
cmeq v0.4s, v1.4s, #0
cmle v0.2d, v1.2d, #0
cmlt v0.4s, v1.4s, #0
cmgt v0.2d, v1.2d, #0
cmeq d0, d1, #0
cmlt d0, d1, #0
cmge d0, d1, #0
cmle d0, d1, #0
abs v0.16b, v1.16b
abs v0.2d, v1.2d
neg v0.4s, v1.4s
neg v0.2d, v1.2d
abs d0, d1
neg d0, d1
saddlv h0, v1.16b
uaddlv h0, v1.8b
uaddlv s0, v1.8h
saddlv d0, v1.4s
uaddlv d0, v1.4s
smaxv b0, v1.16b
umaxv h0, v1.8h
sminv s0, v1.4s
uminv b0, v1.8b
addv b0, v1.16b
addv h0, v1.4h
addv s0, v1.4s
umaxv b0, v1.16b
mla v0.4s, v1.4s, v2.s[3]
mla v0.8h, v1.8h, v15.h[7]
mls v0.4h, v1.4h, v2.h[1]
mul v0.4s, v1.4s, v2.s[3]
mul v0.2s, v1.2s, v17.s[2]
mul v0.8h, v1.8h, v2.h[5]
sqdmulh v0.4s, v1.4s, v2.s[1]
sqrdmulh v0.8h, v1.8h, v2.h[3]
sqdmulh s0, s1, v2.s[1]
sqrdmulh h0, h1, v2.h[7]
// ---- widening, narrowing and shifts
saddl v0.8h, v1.8b, v2.8b
uaddl2 v0.8h, v1.16b, v2.16b
saddl v0.4s, v1.4h, v2.4h
uaddl v0.2d, v1.2s, v2.2s
saddl2 v0.2d, v1.4s, v2.4s
saddw v0.8h, v1.8h, v2.8b
uaddw v0.2d, v1.2d, v2.2s
uaddw2 v0.2d, v1.2d, v2.4s
ssubw2 v0.4s, v1.4s, v2.8h
usubl v0.4s, v1.4h, v2.4h
ssubl2 v0.2d, v1.4s, v2.4s
usubw v0.2d, v1.2d, v2.2s
sabal v0.8h, v1.8b, v2.8b
uabal2 v0.2d, v1.4s, v2.4s
sabdl v0.4s, v1.4h, v2.4h
uabdl2 v0.8h, v1.16b, v2.16b
smlal v0.4s, v1.4h, v2.4h
umlal v0.2d, v1.2s, v2.2s
smlal2 v0.2d, v1.4s, v2.4s
umlsl v0.8h, v1.8b, v2.8b
smlsl2 v0.2d, v1.4s, v2.4s
smull v0.8h, v1.8b, v2.8b
umull v0.2d, v1.2s, v2.2s
smull2 v0.2d, v1.4s, v2.4s
umull2 v0.4s, v1.8h, v2.8h
sqdmull v0.4s, v1.4h, v2.4h
sqdmull2 v0.2d, v1.4s, v2.4s
sqdmlal v0.4s, v1.4h, v2.4h
sqdmlal2 v0.2d, v1.4s, v2.4s
sqdmlsl v0.2d, v1.2s, v2.2s
sqdmull s0, h1, h2
sqdmlal d0, s1, s2
sqdmlsl s0, h1, h2
pmull v0.8h, v1.8b, v2.8b
pmull2 v0.8h, v1.16b, v2.16b
pmull v0.1q, v1.1d, v2.1d
pmull2 v0.1q, v1.2d, v2.2d
addhn v0.8b, v1.8h, v2.8h
addhn2 v0.16b, v1.8h, v2.8h
raddhn v0.4h, v1.4s, v2.4s
subhn v0.2s, v1.2d, v2.2d
rsubhn2 v0.4s, v1.2d, v2.2d
raddhn2 v0.4s, v1.2d, v2.2d
smlal v0.4s, v1.4h, v2.h[3]
umlal2 v0.2d, v1.4s, v2.s[3]
sqdmlal v0.4s, v1.4h, v2.h[7]
smlsl2 v0.4s, v1.8h, v15.h[1]
umlsl v0.2d, v1.2s, v2.s[0]
sqdmlsl2 v0.2d, v1.4s, v2.s[2]
smull v0.4s, v1.4h, v2.h[3]
umull2 v0.2d, v1.4s, v2.s[1]
sqdmull2 v0.4s, v1.8h, v2.h[0]
sqdmull s0, h1, v2.h[3]
sqdmlal d0, s1, v2.s[3]
sqdmlsl s0, h1, v2.h[1]
sqxtun v0.8b, v1.8h
sqxtun2 v0.4s, v1.2d
sqxtn v0.4h, v1.4s
sqxtn2 v0.16b, v1.8h
uqxtn v0.2s, v1.2d
uqxtn2 v0.8h, v1.4s
sqxtn b0, h1
uqxtn s0, d1
sqxtun h0, s1
saddlp v0.8h, v1.16b
uaddlp v0.4h, v1.8b
saddlp v0.2d, v1.4s
uaddlp v0.1d, v1.2s
sadalp v0.4s, v1.8h
uadalp v0.2d, v1.4s
uadalp v0.2s, v1.4h
shll v0.8h, v1.8b, #8
shll2 v0.4s, v1.8h, #16
shll v0.2d, v1.2s, #32
sshr v0.16b, v1.16b, #3
sshr v0.16b, v1.16b, #8
ushr v0.16b, v1.16b, #8
ushr v0.8h, v1.8h, #15
ushr v0.4s, v1.4s, #32
sshr v0.4s, v1.4s, #32
sshr v0.2d, v1.2d, #64
ushr v0.2d, v1.2d, #33
sshr v0.2d, v1.2d, #17
ushr d0, d1, #64
sshr d0, d1, #1
ssra v0.8h, v1.8h, #5
usra v0.2d, v1.2d, #40
usra v0.4s, v1.4s, #32
ssra d0, d1, #63
srshr v0.16b, v1.16b, #1
urshr v0.4s, v1.4s, #32
srshr v0.4s, v1.4s, #31
srshr v0.2d, v1.2d, #64
urshr v0.2d, v1.2d, #64
urshr d0, d1, #7
srsra v0.8h, v1.8h, #16
ursra v0.2d, v1.2d, #3
sri v0.16b, v1.16b, #3
sri v0.8h, v1.8h, #16
sri v0.4s, v1.4s, #32
sri v0.2d, v1.2d, #64
sri v0.2d, v1.2d, #33
sri d0, d1, #12
shl v0.16b, v1.16b, #3
shl v0.8h, v1.8h, #15
shl v0.4s, v1.4s, #31
shl v0.2d, v1.2d, #63
shl v0.2d, v1.2d, #32
shl d0, d1, #3
shl v0.2s, v1.2s, #0
sli v0.16b, v1.16b, #3
sli v0.4s, v1.4s, #0
sli v0.2d, v1.2d, #40
sli d0, d1, #5
sqshlu v0.16b, v1.16b, #3
sqshl v0.8h, v1.8h, #15
uqshl v0.4s, v1.4s, #31
sqshl v0.2d, v1.2d, #63
uqshl v0.2d, v1.2d, #1
sqshlu v0.2d, v1.2d, #4
sqshl b0, b1, #7
uqshl s0, s1, #4
sqshlu d0, d1, #0
shrn v0.8b, v1.8h, #4
shrn v0.8b, v1.8h, #8
shrn2 v0.16b, v1.8h, #1
shrn v0.4h, v1.4s, #16
shrn v0.2s, v1.2d, #32
shrn2 v0.4s, v1.2d, #7
rshrn v0.8b, v1.8h, #8
rshrn v0.4h, v1.4s, #16
rshrn2 v0.4s, v1.2d, #32
rshrn v0.2s, v1.2d, #1
sqshrun v0.8b, v1.8h, #3
sqrshrun2 v0.8h, v1.4s, #9
sqshrn v0.2s, v1.2d, #4
uqshrn v0.4h, v1.4s, #2
sqrshrn v0.8b, v1.8h, #1
uqrshrn2 v0.4s, v1.2d, #31
sqrshrun v0.2s, v1.2d, #32
sqshrn b0, h1, #2
uqrshrn s0, d1, #5
sqshrun h0, s1, #16
sshll v0.8h, v1.8b, #3
ushll2 v0.4s, v1.8h, #15
sshll v0.2d, v1.2s, #31
uxtl v0.2d, v1.2s
sxtl2 v0.2d, v1.4s
uxtl v0.8h, v1.8b
sxtl v0.4s, v1.4h
// ---- floating point
fadd v0.4s, v1.4s, v2.4s
fadd v0.2s, v1.2s, v2.2s
fadd v0.2d, v1.2d, v2.2d
fsub v0.4s, v1.4s, v2.4s
fsub v0.2d, v1.2d, v2.2d
fmul v0.4s, v1.4s, v2.4s
fmul v0.2d, v1.2d, v2.2d
fdiv v0.4s, v1.4s, v2.4s
fdiv v0.2d, v1.2d, v2.2d
fdiv v0.2s, v1.2s, v2.2s
fmla v0.4s, v1.4s, v2.4s
fmla v0.2d, v1.2d, v2.2d
fmls v0.4s, v1.4s, v2.4s
fmls v0.2d, v1.2d, v2.2d
fabd v0.4s, v1.4s, v2.4s
fabd d0, d1, d2
fabd s0, s1, s2
fmulx v0.4s, v1.4s, v2.4s
fmulx d0, d1, d2
fmax v0.4s, v1.4s, v2.4s
fmin v0.2d, v1.2d, v2.2d
fmaxnm v0.4s, v1.4s, v2.4s
fminnm v0.2d, v1.2d, v2.2d
fmaxnm v0.2s, v1.2s, v2.2s
faddp v0.4s, v1.4s, v2.4s
faddp v0.2d, v1.2d, v2.2d
fmaxp v0.4s, v1.4s, v2.4s
fminp v0.2s, v1.2s, v2.2s
fmaxnmp v0.2d, v1.2d, v2.2d
fminnmp v0.4s, v1.4s, v2.4s
fcmeq v0.4s, v1.4s, v2.4s
fcmeq v0.2d, v1.2d, v2.2d
fcmge v0.4s, v1.4s, v2.4s
fcmgt v0.2d, v1.2d, v2.2d
facge v0.4s, v1.4s, v2.4s
facgt v0.2d, v1.2d, v2.2d
fcmeq s0, s1, s2
fcmge d0, d1, d2
fcmgt s0, s1, s2
facge d0, d1, d2
facgt s0, s1, s2
frecps v0.4s, v1.4s, v2.4s
frsqrts v0.2d, v1.2d, v2.2d
frecps s0, s1, s2
frsqrts d0, d1, d2
frintn v0.4s, v1.4s
frinta v0.2d, v1.2d
frintm v0.4s, v1.4s
frintx v0.2d, v1.2d
frintp v0.4s, v1.4s
frintz v0.2d, v1.2d
frinti v0.4s, v1.4s
frintn v0.2d, v1.2d
frinta v0.2s, v1.2s
fcvtns v0.4s, v1.4s
fcvtnu v0.2d, v1.2d
fcvtms v0.4s, v1.4s
fcvtmu v0.2d, v1.2d
fcvtas v0.2d, v1.2d
fcvtau v0.4s, v1.4s
fcvtps v0.4s, v1.4s
fcvtpu v0.2d, v1.2d
fcvtzs v0.4s, v1.4s
fcvtzs v0.2d, v1.2d
fcvtzu v0.4s, v1.4s
fcvtzu v0.2d, v1.2d
fcvtzs s0, s1
fcvtzu d0, d1
fcvtns d0, d1
fcvtas s0, s1
scvtf v0.4s, v1.4s
scvtf v0.2d, v1.2d
ucvtf v0.4s, v1.4s
ucvtf v0.2d, v1.2d
scvtf s0, s1
ucvtf d0, d1
scvtf v0.4s, v1.4s, #3
ucvtf v0.2d, v1.2d, #64
fcvtzs v0.4s, v1.4s, #3
fcvtzu v0.2d, v1.2d, #12
fcvtzs s0, s1, #31
ucvtf d0, d1, #5
fcmgt v0.4s, v1.4s, #0.0
fcmge v0.2d, v1.2d, #0.0
fcmeq v0.4s, v1.4s, #0.0
fcmle v0.2d, v1.2d, #0.0
fcmlt v0.4s, v1.4s, #0.0
fcmeq d0, d1, #0.0
fcmlt s0, s1, #0.0
fabs v0.4s, v1.4s
fabs v0.2d, v1.2d
fneg v0.4s, v1.4s
fneg v0.2s, v1.2s
fneg v0.2d, v1.2d
fsqrt v0.4s, v1.4s
fsqrt v0.2d, v1.2d
urecpe v0.4s, v1.4s
ursqrte v0.2s, v1.2s
frecpe v0.4s, v1.4s
frecpe v0.2d, v1.2d
frsqrte v0.4s, v1.4s
frsqrte v0.2d, v1.2d
frecpe s0, s1
frsqrte d0, d1
frecpx s0, s1
frecpx d0, d1
fcvtl v0.2d, v1.2s
fcvtl2 v0.2d, v1.4s
fcvtl v0.4s, v1.4h
fcvtl2 v0.4s, v1.8h
fcvtn v0.2s, v1.2d
fcvtn2 v0.4s, v1.2d
fcvtn v0.4h, v1.4s
fcvtn2 v0.8h, v1.4s
fcvtxn v0.2s, v1.2d
fcvtxn2 v0.4s, v1.2d
fcvtxn s0, d1
fmaxnmv s0, v1.4s
fminnmv s0, v1.4s
fmaxv s0, v1.4s
fminv s0, v1.4s
faddp s0, v1.2s
faddp d0, v1.2d
fmaxp s0, v1.2s
fminp d0, v1.2d
fmaxnmp s0, v1.2s
fminnmp d0, v1.2d
fmla v0.4s, v1.4s, v2.s[3]
fmla v0.2d, v1.2d, v2.d[1]
fmls v0.2s, v1.2s, v2.s[1]
fmul v0.4s, v1.4s, v2.s[2]
fmul v0.2d, v1.2d, v2.d[0]
fmulx v0.4s, v1.4s, v2.s[0]
fmul s0, s1, v2.s[3]
fmla d0, d1, v2.d[1]
fmls s0, s1, v2.s[1]
fmulx d0, d1, v2.d[1]
// ---- random encodings of the whole AdvSIMD space
.inst 0x6ea54c80
.inst 0x4e656c40
.inst 0x4ee34c61
.inst 0x0f633843
.inst 0x5f46b0e5
.inst 0x6e6434c0
.inst 0x4f41e464
.inst 0x7e665c03
.inst 0x7ee62c44
.inst 0x6f249c07
.inst 0x6e6010e1
.inst 0x4e63c0a0
.inst 0x4f805820
.inst 0x0f4560c3
.inst 0x6fc090a0
.inst 0x6ea59446
.inst 0x6e25d464
.inst 0x4f60fca2
.inst 0x0f80b861
.inst 0x0e67a0e2
.inst 0x4f422843
.inst 0x5e21fc24
.inst 0x7ea0b446
.inst 0x6e0544e1
.inst 0x4f024401
.inst 0x6e267ca3
.inst 0x0f2724e1
.inst 0x6e054c27
.inst 0x4ee6e024
.inst 0x0e218484
.inst 0x2f879080
.inst 0x4e227ca0
.inst 0x5ee434e2
.inst 0x6e260444
.inst 0x5e649043
.inst 0x7ee18401
.inst 0x2f231482
.inst 0x6e221041
.inst 0x5f67b8e3
.inst 0x4e4428a6
.inst 0x5e212ca1
.inst 0x7f20fce1
.inst 0x5ee78400
.inst 0x2ea6e424
.inst 0x5f66b866
.inst 0x5f417062
.inst 0x7ea7d467
.inst 0x6e235020
.inst 0x0f816003
.inst 0x5f620402
.inst 0x6ea71ce6
.inst 0x0ea020c1
.inst 0x6ea4c425
.inst 0x4e2270c2
.inst 0x0e25e4e4
.inst 0x7ee70c41
.inst 0x4f6788a6
.inst 0x4fa3a005
.inst 0x6ea35042
.inst 0x6e22c443
.inst 0x2f244483
.inst 0x4e223c61
.inst 0x0ea600c0
.inst 0x5fa17045
.inst 0x6f2334a1
.inst 0x5e65b085
.inst 0x5ea5b0e0
.inst 0x6f40fc00
.inst 0x5f63e4c4
.inst 0x0ea64061
.inst 0x2ea55c22
.inst 0x2ea72ca0
.inst 0x0e215087
.inst 0x4e21c841
.inst 0x0f2424a5
.inst 0x0e4538c2
.inst 0x7f63fca7
.inst 0x4e21a0a6
.inst 0x4f60c002
.inst 0x0e2730a6
.inst 0x5e64b443
.inst 0x5f823000
.inst 0x6f4140c0
.inst 0x6f866865
.inst 0x4f61fc82
.inst 0x6e2210a1
.inst 0x5ea45ca3
.inst 0x6e241041
.inst 0x6e223c42
.inst 0x4e27e063
.inst 0x2f279c01
.inst 0x2f434025
.inst 0x7f673460
.inst 0x4fa670c2
.inst 0x4f868065
.inst 0x4ea2ac26
.inst 0x2e254080
.inst 0x4f45d862
.inst 0x6f6554a3
.inst 0x2f208443
.inst 0x4e042cc6
.inst 0x6e20dc01
.inst 0x0ea69c21
.inst 0x7f622480
.inst 0x0e442867
.inst 0x7ee0b803
.inst 0x7ea0d466
.inst 0x6f0224e2
.inst 0x4ea2c423
.inst 0x2f866867
.inst 0x7e214ca2
.inst 0x2e222023
.inst 0x6ea1d4c0
.inst 0x4ea4f403
.inst 0x2fa19880
.inst 0x5e61b804
.inst 0x7f809884
.inst 0x7e603843
.inst 0x6e664cc2
.inst 0x7f466401
.inst 0x4e226480
.inst 0x5fc198a6
.inst 0x7ee334e3
.inst 0x0e25cc07
.inst 0x5fa5b007
.inst 0x0ea79ce1
.inst 0x5fc25841
.inst 0x6e000027
.inst 0x0f608060
.inst 0x6ee02c23
.inst 0x5e65b0e0
.inst 0x2e212c67
.inst 0x0e26e0e0
.inst 0x4ea180c6
.inst 0x7ea50ca3
.inst 0x5ee1a825
.inst 0x6ea60424
.inst 0x4e2550e0
.inst 0x4f05f483
.inst 0x7f229c41
.inst 0x6f816003
.inst 0x5ee14cc3
.inst 0x6fa42844
.inst 0x7e21b8a0
.inst 0x2e656c23
.inst 0x0e270466
.inst 0x4ea67462
.inst 0x2f2474a3
.inst 0x2e6400a2
.inst 0x2e602ce4
.inst 0x6e0144e2
.inst 0x7f248443
.inst 0x6ea39447
.inst 0x5ee25c00
.inst 0x2f028483
.inst 0x4f40fc20
.inst 0x7e202ca0
.inst 0x4e837807
.inst 0x6e045003
.inst 0x2e61a083
.inst 0x6e65d440
.inst 0x6ea14020
.inst 0x7f42fca7
.inst 0x0ea51ca5
.inst 0x6e033065
.inst 0x0f47c842
.inst 0x5f853045
.inst 0x0e2794c4
.inst 0x7fc69823
.inst 0x5ea05c66
.inst 0x0f81b820
.inst 0x6ea1b885
.inst 0x0e202881
.inst 0x0f84b847
.inst 0x7e21a8e3
.inst 0x0e617803
.inst 0x4f875820
.inst 0x6f651405
.inst 0x4ee73c83
.inst 0x6ea3f441
.inst 0x6ea52462
.inst 0x2e27dce2
.inst 0x7f406406
.inst 0x2e614c81
.inst 0x5ea69007
.inst 0x7f2294a2
.inst 0x5fa530c6
.inst 0x4e24a000
.inst 0x0f8510a2
.inst 0x4e672c23
.inst 0x6ea10043
.inst 0x6ee2e4e2
.inst 0x5f82b844
.inst 0x4ea0b860
.inst 0x4e666082
.inst 0x0e63b401
.inst 0x6f030480
.inst 0x6e2098e0
.inst 0x5f4404a0
.inst 0x7ee02cc2
.inst 0x2e600483
.inst 0x6ea08022
.inst 0x4f65d0a3
.inst 0x6f40e480
.inst 0x6e0620a2
.inst 0x4f82a0a0
.inst 0x4e65fc82
.inst 0x0f24fc42
.inst 0x5e255c43
.inst 0x4f8698c5
.inst 0x0e24d460
.inst 0x5f653860
.inst 0x6e66f4e6
.inst 0x2f8540e3
.inst 0x4fa3c867
.inst 0x0e6100e3
.inst 0x5f21e4a7
.inst 0x0e6480c1
.inst 0x5f239443
.inst 0x7e645ce2
.inst 0x4f407422
.inst 0x5ea54c40
.inst 0x0fa468c7
.inst 0x4fa098a0
.inst 0x2e26d481
.inst 0x0e6304e2
.inst 0x7e662c80
.inst 0x6fa72042
.inst 0x2f414822
.inst 0x2ea02c81
.inst 0x4f838086
.inst 0x6f6514e0
.inst 0x7ee23c42
.inst 0x4e6134a0
.inst 0x6ea74cc2
.inst 0x2f6360c6
.inst 0x2ea72482
.inst 0x4e6390c3
.inst 0x5ee58441
.inst 0x5fa1d0a6
.inst 0x0e2700c0
.inst 0x0e26a087
.inst 0x4ec53820
.inst 0x6ea4e481
.inst 0x4f22e460
.inst 0x7fc290c7
.inst 0x0f473882
.inst 0x5f8710c0
.inst 0x5f6478c1
.inst 0x5e65dc41
.inst 0x2f033463
.inst 0x0f87a0a0
.inst 0x7e655cc7
.inst 0x5f4224c2
.inst 0x6f009403
.inst 0x6e21c042
.inst 0x4fa378a3
.inst 0x0e047887
.inst 0x6ea6d4e1
.inst 0x7ea0c8c3
.inst 0x0e20cc60
.inst 0x0e667484
.inst 0x7f249422
.inst 0x6f424401
.inst 0x4f4634e2
.inst 0x7f6644e0
.inst 0x0e2404e2
.inst 0x2ea75c65
.inst 0x6f04a406
.inst 0x0f61a083
.inst 0x0e649c03
.inst 0x6e076804
.inst 0x4f61e4a1
.inst 0x7e607821
.inst 0x7f677404
.inst 0x5f83d8e1
.inst 0x4f012401
.inst 0x6e0600e0
.inst 0x0f257483
.inst 0x5e615ce2
.inst 0x6f425400
.inst 0x2f654083
.inst 0x0f8290e2
.inst 0x6f0514e1
.inst 0x4f40c822
.inst 0x7ea60ca2
.inst 0x0f260427
.inst 0x2f2064a7
.inst 0x6e26ec20
.inst 0x7e242c41
.inst 0x2f022481
.inst 0x4ee48443
.inst 0x4f83c0e6
.inst 0x4f031423
.inst 0x0e630460
.inst 0x5fc518e3
.inst 0x4ec43800
.inst 0x4e24e061
.inst 0x5e62e4c0
.inst 0x0e612060

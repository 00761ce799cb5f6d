// Instructions recorded by gen.ts: one per line (GNU as syntax or .inst); registers stay
// within v0..v7 and x0..x7 (the operands the vectors initialise); x9 points into the
// memory block.
// ---- LSE: compare and swap
casb w0, w1, [x9]
casb w2, w3, [x9]
cash w0, w1, [x9]
cash w2, w3, [x9]
cas w0, w1, [x9]
cas w2, w3, [x9]
cas x0, x1, [x9]
cas x2, x3, [x9]
casab w0, w1, [x9]
casab w2, w3, [x9]
casah w0, w1, [x9]
casah w2, w3, [x9]
casa w0, w1, [x9]
casa w2, w3, [x9]
casa x0, x1, [x9]
casa x2, x3, [x9]
caslb w0, w1, [x9]
caslb w2, w3, [x9]
caslh w0, w1, [x9]
caslh w2, w3, [x9]
casl w0, w1, [x9]
casl w2, w3, [x9]
casl x0, x1, [x9]
casl x2, x3, [x9]
casalb w0, w1, [x9]
casalb w2, w3, [x9]
casalh w0, w1, [x9]
casalh w2, w3, [x9]
casal w0, w1, [x9]
casal w2, w3, [x9]
casal x0, x1, [x9]
casal x2, x3, [x9]
cas w2, w2, [x9]
cas x0, xzr, [x9]
casb w2, w5, [x9]
casalh w2, w5, [x9]
casp x0, x1, x4, x5, [x9]
casp w2, w3, w6, w7, [x9]
caspa x0, x1, x4, x5, [x9]
caspa w2, w3, w6, w7, [x9]
caspl x0, x1, x4, x5, [x9]
caspl w2, w3, w6, w7, [x9]
caspal x0, x1, x4, x5, [x9]
caspal w2, w3, w6, w7, [x9]
casp x2, x3, x0, x1, [x9]
casp w0, w1, w4, w5, [x9]
caspal x6, x7, x2, x3, [x9]
// ---- LSE: atomic memory operations and SWP
ldaddb w2, w3, [x9]
ldaddh w2, w3, [x9]
ldadd w2, w3, [x9]
ldadd x2, x3, [x9]
ldaddab w2, w3, [x9]
ldaddah w2, w3, [x9]
ldadda w2, w3, [x9]
ldadda x2, x3, [x9]
ldaddlb w2, w3, [x9]
ldaddlh w2, w3, [x9]
ldaddl w2, w3, [x9]
ldaddl x2, x3, [x9]
ldaddalb w2, w3, [x9]
ldaddalh w2, w3, [x9]
ldaddal w2, w3, [x9]
ldaddal x2, x3, [x9]
staddb w4, [x9]
staddh w4, [x9]
stadd w4, [x9]
stadd x4, [x9]
staddlb w4, [x9]
staddlh w4, [x9]
staddl w4, [x9]
staddl x4, [x9]
ldadd x5, x5, [x9]
ldadda w6, wzr, [x9]
ldclrb w2, w3, [x9]
ldclrh w2, w3, [x9]
ldclr w2, w3, [x9]
ldclr x2, x3, [x9]
ldclrab w2, w3, [x9]
ldclrah w2, w3, [x9]
ldclra w2, w3, [x9]
ldclra x2, x3, [x9]
ldclrlb w2, w3, [x9]
ldclrlh w2, w3, [x9]
ldclrl w2, w3, [x9]
ldclrl x2, x3, [x9]
ldclralb w2, w3, [x9]
ldclralh w2, w3, [x9]
ldclral w2, w3, [x9]
ldclral x2, x3, [x9]
stclrb w4, [x9]
stclrh w4, [x9]
stclr w4, [x9]
stclr x4, [x9]
stclrlb w4, [x9]
stclrlh w4, [x9]
stclrl w4, [x9]
stclrl x4, [x9]
ldclr x5, x5, [x9]
ldclra w6, wzr, [x9]
ldeorb w2, w3, [x9]
ldeorh w2, w3, [x9]
ldeor w2, w3, [x9]
ldeor x2, x3, [x9]
ldeorab w2, w3, [x9]
ldeorah w2, w3, [x9]
ldeora w2, w3, [x9]
ldeora x2, x3, [x9]
ldeorlb w2, w3, [x9]
ldeorlh w2, w3, [x9]
ldeorl w2, w3, [x9]
ldeorl x2, x3, [x9]
ldeoralb w2, w3, [x9]
ldeoralh w2, w3, [x9]
ldeoral w2, w3, [x9]
ldeoral x2, x3, [x9]
steorb w4, [x9]
steorh w4, [x9]
steor w4, [x9]
steor x4, [x9]
steorlb w4, [x9]
steorlh w4, [x9]
steorl w4, [x9]
steorl x4, [x9]
ldeor x5, x5, [x9]
ldeora w6, wzr, [x9]
ldsetb w2, w3, [x9]
ldseth w2, w3, [x9]
ldset w2, w3, [x9]
ldset x2, x3, [x9]
ldsetab w2, w3, [x9]
ldsetah w2, w3, [x9]
ldseta w2, w3, [x9]
ldseta x2, x3, [x9]
ldsetlb w2, w3, [x9]
ldsetlh w2, w3, [x9]
ldsetl w2, w3, [x9]
ldsetl x2, x3, [x9]
ldsetalb w2, w3, [x9]
ldsetalh w2, w3, [x9]
ldsetal w2, w3, [x9]
ldsetal x2, x3, [x9]
stsetb w4, [x9]
stseth w4, [x9]
stset w4, [x9]
stset x4, [x9]
stsetlb w4, [x9]
stsetlh w4, [x9]
stsetl w4, [x9]
stsetl x4, [x9]
ldset x5, x5, [x9]
ldseta w6, wzr, [x9]
ldsmaxb w2, w3, [x9]
ldsmaxh w2, w3, [x9]
ldsmax w2, w3, [x9]
ldsmax x2, x3, [x9]
ldsmaxab w2, w3, [x9]
ldsmaxah w2, w3, [x9]
ldsmaxa w2, w3, [x9]
ldsmaxa x2, x3, [x9]
ldsmaxlb w2, w3, [x9]
ldsmaxlh w2, w3, [x9]
ldsmaxl w2, w3, [x9]
ldsmaxl x2, x3, [x9]
ldsmaxalb w2, w3, [x9]
ldsmaxalh w2, w3, [x9]
ldsmaxal w2, w3, [x9]
ldsmaxal x2, x3, [x9]
stsmaxb w4, [x9]
stsmaxh w4, [x9]
stsmax w4, [x9]
stsmax x4, [x9]
stsmaxlb w4, [x9]
stsmaxlh w4, [x9]
stsmaxl w4, [x9]
stsmaxl x4, [x9]
ldsmax x5, x5, [x9]
ldsmaxa w6, wzr, [x9]
ldsminb w2, w3, [x9]
ldsminh w2, w3, [x9]
ldsmin w2, w3, [x9]
ldsmin x2, x3, [x9]
ldsminab w2, w3, [x9]
ldsminah w2, w3, [x9]
ldsmina w2, w3, [x9]
ldsmina x2, x3, [x9]
ldsminlb w2, w3, [x9]
ldsminlh w2, w3, [x9]
ldsminl w2, w3, [x9]
ldsminl x2, x3, [x9]
ldsminalb w2, w3, [x9]
ldsminalh w2, w3, [x9]
ldsminal w2, w3, [x9]
ldsminal x2, x3, [x9]
stsminb w4, [x9]
stsminh w4, [x9]
stsmin w4, [x9]
stsmin x4, [x9]
stsminlb w4, [x9]
stsminlh w4, [x9]
stsminl w4, [x9]
stsminl x4, [x9]
ldsmin x5, x5, [x9]
ldsmina w6, wzr, [x9]
ldumaxb w2, w3, [x9]
ldumaxh w2, w3, [x9]
ldumax w2, w3, [x9]
ldumax x2, x3, [x9]
ldumaxab w2, w3, [x9]
ldumaxah w2, w3, [x9]
ldumaxa w2, w3, [x9]
ldumaxa x2, x3, [x9]
ldumaxlb w2, w3, [x9]
ldumaxlh w2, w3, [x9]
ldumaxl w2, w3, [x9]
ldumaxl x2, x3, [x9]
ldumaxalb w2, w3, [x9]
ldumaxalh w2, w3, [x9]
ldumaxal w2, w3, [x9]
ldumaxal x2, x3, [x9]
stumaxb w4, [x9]
stumaxh w4, [x9]
stumax w4, [x9]
stumax x4, [x9]
stumaxlb w4, [x9]
stumaxlh w4, [x9]
stumaxl w4, [x9]
stumaxl x4, [x9]
ldumax x5, x5, [x9]
ldumaxa w6, wzr, [x9]
lduminb w2, w3, [x9]
lduminh w2, w3, [x9]
ldumin w2, w3, [x9]
ldumin x2, x3, [x9]
lduminab w2, w3, [x9]
lduminah w2, w3, [x9]
ldumina w2, w3, [x9]
ldumina x2, x3, [x9]
lduminlb w2, w3, [x9]
lduminlh w2, w3, [x9]
lduminl w2, w3, [x9]
lduminl x2, x3, [x9]
lduminalb w2, w3, [x9]
lduminalh w2, w3, [x9]
lduminal w2, w3, [x9]
lduminal x2, x3, [x9]
stuminb w4, [x9]
stuminh w4, [x9]
stumin w4, [x9]
stumin x4, [x9]
stuminlb w4, [x9]
stuminlh w4, [x9]
stuminl w4, [x9]
stuminl x4, [x9]
ldumin x5, x5, [x9]
ldumina w6, wzr, [x9]
swpb w2, w3, [x9]
swph w2, w3, [x9]
swp w2, w3, [x9]
swp x2, x3, [x9]
swpab w2, w3, [x9]
swpah w2, w3, [x9]
swpa w2, w3, [x9]
swpa x2, x3, [x9]
swplb w2, w3, [x9]
swplh w2, w3, [x9]
swpl w2, w3, [x9]
swpl x2, x3, [x9]
swpalb w2, w3, [x9]
swpalh w2, w3, [x9]
swpal w2, w3, [x9]
swpal x2, x3, [x9]
swp x1, x1, [x9]
swp xzr, x4, [x9]
swpal w0, wzr, [x9]
// ---- RCPC: LDAPR, and RCPC2: LDAPUR/STLUR
ldaprb w0, [x9]
ldaprh w1, [x9]
ldapr w2, [x9]
ldapr x3, [x9]
ldapurb w0, [x9]
ldapurh w1, [x9]
ldapur w2, [x9]
ldapur x3, [x9]
ldapursb w4, [x9]
ldapursb x5, [x9]
ldapursh w6, [x9]
ldapursh x7, [x9]
ldapursw x0, [x9]
stlurb w0, [x9]
stlurh w1, [x9]
stlur w2, [x9]
stlur x3, [x9]
ldapurb w0, [x9, #-8]
ldapurh w1, [x9, #-8]
ldapur w2, [x9, #-8]
ldapur x3, [x9, #-8]
ldapursb w4, [x9, #-8]
ldapursb x5, [x9, #-8]
ldapursh w6, [x9, #-8]
ldapursh x7, [x9, #-8]
ldapursw x0, [x9, #-8]
stlurb w0, [x9, #-8]
stlurh w1, [x9, #-8]
stlur w2, [x9, #-8]
stlur x3, [x9, #-8]
ldapurb w0, [x9, #127]
ldapurh w1, [x9, #120]
ldapur w2, [x9, #120]
ldapur x3, [x9, #120]
ldapursb w4, [x9, #127]
ldapursb x5, [x9, #127]
ldapursh w6, [x9, #120]
ldapursh x7, [x9, #120]
ldapursw x0, [x9, #120]
stlurb w0, [x9, #127]
stlurh w1, [x9, #120]
stlur w2, [x9, #120]
stlur x3, [x9, #120]
ldapurb w0, [x9, #-128]
ldapurh w1, [x9, #-128]
ldapur w2, [x9, #-128]
ldapur x3, [x9, #-128]
ldapursb w4, [x9, #-128]
ldapursb x5, [x9, #-128]
ldapursh w6, [x9, #-128]
ldapursh x7, [x9, #-128]
ldapursw x0, [x9, #-128]
stlurb w0, [x9, #-128]
stlurh w1, [x9, #-128]
stlur w2, [x9, #-128]
stlur x3, [x9, #-128]
ldapurb w0, [x9, #3]
ldapurh w1, [x9, #16]
ldapur w2, [x9, #16]
ldapur x3, [x9, #16]
ldapursb w4, [x9, #3]
ldapursb x5, [x9, #3]
ldapursh w6, [x9, #16]
ldapursh x7, [x9, #16]
ldapursw x0, [x9, #16]
stlurb w0, [x9, #3]
stlurh w1, [x9, #16]
stlur w2, [x9, #16]
stlur x3, [x9, #16]
// ---- AES, SHA1, SHA256, SHA512, SHA3, SM3, SM4, PMULL (64-bit)
aese v0.16b, v1.16b
aesd v0.16b, v1.16b
aesmc v0.16b, v1.16b
aesimc v0.16b, v1.16b
aese v2.16b, v2.16b
aesmc v3.16b, v3.16b
aesimc v4.16b, v5.16b
sha1c q0, s1, v2.4s
sha1p q0, s1, v2.4s
sha1m q0, s1, v2.4s
sha1m q3, s3, v3.4s
sha1su0 v0.4s, v1.4s, v2.4s
sha1h s0, s1
sha1su1 v0.4s, v1.4s
sha256h q0, q1, v2.4s
sha256h2 q0, q1, v2.4s
sha256h q3, q3, v4.4s
sha256su0 v0.4s, v1.4s
sha256su1 v0.4s, v1.4s, v2.4s
sha512h q0, q1, v2.2d
sha512h2 q0, q1, v2.2d
sha512su0 v0.2d, v1.2d
sha512su1 v0.2d, v1.2d, v2.2d
eor3 v0.16b, v1.16b, v2.16b, v3.16b
bcax v0.16b, v1.16b, v2.16b, v3.16b
rax1 v0.2d, v1.2d, v2.2d
xar v0.2d, v1.2d, v2.2d, #0
xar v0.2d, v1.2d, v2.2d, #1
xar v0.2d, v1.2d, v2.2d, #13
xar v0.2d, v1.2d, v2.2d, #32
xar v0.2d, v1.2d, v2.2d, #45
xar v0.2d, v1.2d, v2.2d, #63
sm3ss1 v0.4s, v1.4s, v2.4s, v3.4s
sm3tt1a v0.4s, v1.4s, v2.s[0]
sm3tt1b v0.4s, v1.4s, v2.s[1]
sm3tt2a v0.4s, v1.4s, v2.s[2]
sm3tt2b v0.4s, v1.4s, v2.s[3]
sm3partw1 v0.4s, v1.4s, v2.4s
sm3partw2 v0.4s, v1.4s, v2.4s
sm4e v0.4s, v1.4s
sm4ekey v0.4s, v1.4s, v2.4s
pmull v0.1q, v1.1d, v2.1d
pmull2 v0.1q, v1.2d, v2.2d
// ---- dot products, I8MM, RDM
sdot v0.4s, v1.16b, v2.16b
sdot v0.2s, v1.8b, v2.8b
udot v0.4s, v1.16b, v2.16b
udot v0.2s, v1.8b, v2.8b
sdot v0.4s, v1.16b, v2.4b[0]
sdot v0.2s, v1.8b, v2.4b[3]
udot v0.4s, v1.16b, v2.4b[1]
udot v0.2s, v1.8b, v2.4b[2]
usdot v0.4s, v1.16b, v2.16b
usdot v0.2s, v1.8b, v2.8b
usdot v0.4s, v1.16b, v2.4b[3]
sudot v0.2s, v1.8b, v2.4b[1]
sudot v0.4s, v1.16b, v2.4b[2]
smmla v0.4s, v1.16b, v2.16b
ummla v0.4s, v1.16b, v2.16b
usmmla v0.4s, v1.16b, v2.16b
sqrdmlah v0.4s, v1.4s, v2.4s
sqrdmlah v0.2s, v1.2s, v2.2s
sqrdmlah v0.8h, v1.8h, v2.8h
sqrdmlsh v0.4h, v1.4h, v2.4h
sqrdmlsh v0.4s, v1.4s, v2.4s
sqrdmlah h0, h1, h2
sqrdmlsh s0, s1, s2
sqrdmlah v0.8h, v1.8h, v2.h[7]
sqrdmlsh v0.4h, v1.4h, v2.h[2]
sqrdmlah v0.4s, v1.4s, v2.s[3]
sqrdmlsh v0.2s, v1.2s, v2.s[0]
sqrdmlah s0, s1, v2.s[1]
sqrdmlsh h0, h1, v2.h[5]
sqrdmlah v0.4s, v0.4s, v0.4s
// ---- FlagM, FlagM2
24* cfinv
24* axflag
24* xaflag
rmif x0, #0, #15
24* rmif x1, #5, #3
rmif x2, #31, #8
rmif x3, #32, #6
rmif x4, #33, #1
rmif x5, #62, #15
rmif x6, #63, #12
24* setf8 w0
24* setf16 w1
setf8 w2
setf16 w3
// ---- FRINT32/64, FJCVTZS
frint32z s0, s1
frint32x s0, s1
frint64z s0, s1
frint64x s0, s1
frint32z d0, d1
frint32x d0, d1
frint64z d0, d1
frint64x d0, d1
frint32z v0.4s, v1.4s
frint32x v0.2s, v1.2s
frint64z v0.4s, v1.4s
frint64x v0.4s, v1.4s
frint32z v0.2d, v1.2d
frint32x v0.2d, v1.2d
frint64z v0.2d, v1.2d
frint64x v0.2d, v1.2d
24* fjcvtzs w0, d1
fjcvtzs w2, d3
fjcvtzs w4, d5
fjcvtzs w6, d7
// ---- FP16 (FEAT_FP16): Advanced SIMD half-precision arithmetic, vector and scalar
fmaxnm v0.8h, v1.8h, v2.8h
fmaxnm v0.4h, v1.4h, v2.4h
fminnm v0.8h, v1.8h, v2.8h
fminnm v0.4h, v1.4h, v2.4h
fmaxnmp v0.8h, v1.8h, v2.8h
fmaxnmp v0.4h, v1.4h, v2.4h
fminnmp v0.8h, v1.8h, v2.8h
fminnmp v0.4h, v1.4h, v2.4h
fmla v0.8h, v1.8h, v2.8h
fmla v0.4h, v1.4h, v2.4h
fmls v0.8h, v1.8h, v2.8h
fmls v0.4h, v1.4h, v2.4h
fadd v0.8h, v1.8h, v2.8h
fadd v0.4h, v1.4h, v2.4h
fsub v0.8h, v1.8h, v2.8h
fsub v0.4h, v1.4h, v2.4h
faddp v0.8h, v1.8h, v2.8h
faddp v0.4h, v1.4h, v2.4h
fabd v0.8h, v1.8h, v2.8h
fabd v0.4h, v1.4h, v2.4h
fabd h0, h1, h2
fmulx v0.8h, v1.8h, v2.8h
fmulx v0.4h, v1.4h, v2.4h
fmulx h0, h1, h2
fmul v0.8h, v1.8h, v2.8h
fmul v0.4h, v1.4h, v2.4h
fcmeq v0.8h, v1.8h, v2.8h
fcmeq v0.4h, v1.4h, v2.4h
fcmeq h0, h1, h2
fcmge v0.8h, v1.8h, v2.8h
fcmge v0.4h, v1.4h, v2.4h
fcmge h0, h1, h2
fcmgt v0.8h, v1.8h, v2.8h
fcmgt v0.4h, v1.4h, v2.4h
fcmgt h0, h1, h2
facge v0.8h, v1.8h, v2.8h
facge v0.4h, v1.4h, v2.4h
facge h0, h1, h2
facgt v0.8h, v1.8h, v2.8h
facgt v0.4h, v1.4h, v2.4h
facgt h0, h1, h2
fmax v0.8h, v1.8h, v2.8h
fmax v0.4h, v1.4h, v2.4h
fmin v0.8h, v1.8h, v2.8h
fmin v0.4h, v1.4h, v2.4h
fmaxp v0.8h, v1.8h, v2.8h
fmaxp v0.4h, v1.4h, v2.4h
fminp v0.8h, v1.8h, v2.8h
fminp v0.4h, v1.4h, v2.4h
frecps v0.8h, v1.8h, v2.8h
frecps v0.4h, v1.4h, v2.4h
frecps h0, h1, h2
frsqrts v0.8h, v1.8h, v2.8h
frsqrts v0.4h, v1.4h, v2.4h
frsqrts h0, h1, h2
fdiv v0.8h, v1.8h, v2.8h
fdiv v0.4h, v1.4h, v2.4h
frintn v0.8h, v1.8h
frintn v0.4h, v1.4h
frinta v0.8h, v1.8h
frinta v0.4h, v1.4h
frintm v0.8h, v1.8h
frintm v0.4h, v1.4h
frintx v0.8h, v1.8h
frintx v0.4h, v1.4h
frintp v0.8h, v1.8h
frintp v0.4h, v1.4h
frintz v0.8h, v1.8h
frintz v0.4h, v1.4h
frinti v0.8h, v1.8h
frinti v0.4h, v1.4h
fcvtns v0.8h, v1.8h
fcvtns v0.4h, v1.4h
fcvtns h0, h1
fcvtnu v0.8h, v1.8h
fcvtnu v0.4h, v1.4h
fcvtnu h0, h1
fcvtms v0.8h, v1.8h
fcvtms v0.4h, v1.4h
fcvtms h0, h1
fcvtmu v0.8h, v1.8h
fcvtmu v0.4h, v1.4h
fcvtmu h0, h1
fcvtas v0.8h, v1.8h
fcvtas v0.4h, v1.4h
fcvtas h0, h1
fcvtau v0.8h, v1.8h
fcvtau v0.4h, v1.4h
fcvtau h0, h1
fcvtps v0.8h, v1.8h
fcvtps v0.4h, v1.4h
fcvtps h0, h1
fcvtpu v0.8h, v1.8h
fcvtpu v0.4h, v1.4h
fcvtpu h0, h1
fcvtzs v0.8h, v1.8h
fcvtzs v0.4h, v1.4h
fcvtzs h0, h1
fcvtzu v0.8h, v1.8h
fcvtzu v0.4h, v1.4h
fcvtzu h0, h1
scvtf v0.8h, v1.8h
scvtf v0.4h, v1.4h
scvtf h0, h1
ucvtf v0.8h, v1.8h
ucvtf v0.4h, v1.4h
ucvtf h0, h1
fabs v0.8h, v1.8h
fabs v0.4h, v1.4h
fneg v0.8h, v1.8h
fneg v0.4h, v1.4h
frecpe v0.8h, v1.8h
frecpe v0.4h, v1.4h
frecpe h0, h1
frsqrte v0.8h, v1.8h
frsqrte v0.4h, v1.4h
frsqrte h0, h1
fsqrt v0.8h, v1.8h
fsqrt v0.4h, v1.4h
fcmgt v0.8h, v1.8h, #0.0
fcmgt h0, h1, #0.0
fcmge v0.8h, v1.8h, #0.0
fcmge h0, h1, #0.0
fcmeq v0.8h, v1.8h, #0.0
fcmeq h0, h1, #0.0
fcmle v0.8h, v1.8h, #0.0
fcmle h0, h1, #0.0
fcmlt v0.8h, v1.8h, #0.0
fcmlt h0, h1, #0.0
frecpx h0, h1
fmaxnmv h0, v1.8h
fmaxnmv h0, v1.4h
fminnmv h0, v1.8h
fminnmv h0, v1.4h
fmaxv h0, v1.8h
fmaxv h0, v1.4h
fminv h0, v1.8h
fminv h0, v1.4h
fmaxnmp h0, v1.2h
fminnmp h0, v1.2h
faddp h0, v1.2h
fmaxp h0, v1.2h
fminp h0, v1.2h
fmla v0.8h, v1.8h, v2.h[7]
fmla v0.4h, v1.4h, v3.h[2]
fmla h0, h1, v2.h[5]
fmls v0.8h, v1.8h, v2.h[7]
fmls v0.4h, v1.4h, v3.h[2]
fmls h0, h1, v2.h[5]
fmul v0.8h, v1.8h, v2.h[7]
fmul v0.4h, v1.4h, v3.h[2]
fmul h0, h1, v2.h[5]
fmulx v0.8h, v1.8h, v2.h[7]
fmulx v0.4h, v1.4h, v3.h[2]
fmulx h0, h1, v2.h[5]
scvtf v0.8h, v1.8h, #1
scvtf v0.4h, v1.4h, #16
scvtf h0, h1, #9
ucvtf v0.8h, v1.8h, #1
ucvtf v0.4h, v1.4h, #16
ucvtf h0, h1, #9
fcvtzs v0.8h, v1.8h, #1
fcvtzs v0.4h, v1.4h, #16
fcvtzs h0, h1, #9
fcvtzu v0.8h, v1.8h, #1
fcvtzu v0.4h, v1.4h, #16
fcvtzu h0, h1, #9
// ---- scalar FP16 (FEAT_FP16): a sample (fp-qemu covers it all)
fadd h0, h1, h2
fmadd h0, h1, h2, h3
fcvtzs w0, h1
fmov h0, w1
// ---- BF16
bfcvt h0, s1
bfcvt h2, s3
bfcvtn v0.4h, v1.4s
bfcvtn2 v0.8h, v1.4s
bfdot v0.4s, v1.8h, v2.8h
bfdot v0.2s, v1.4h, v2.4h
bfdot v0.4s, v1.8h, v2.2h[3]
bfdot v0.2s, v1.4h, v2.2h[0]
bfmmla v0.4s, v1.8h, v2.8h
bfmlalb v0.4s, v1.8h, v2.8h
bfmlalt v0.4s, v1.8h, v2.8h
bfmlalb v0.4s, v1.8h, v2.h[7]
bfmlalt v0.4s, v1.8h, v3.h[2]
// ---- FCMA, FHM
fcadd v0.4h, v1.4h, v2.4h, #90
fcadd v0.8h, v1.8h, v2.8h, #270
fcadd v0.2s, v1.2s, v2.2s, #90
fcadd v0.4s, v1.4s, v2.4s, #270
fcadd v0.2d, v1.2d, v2.2d, #90
fcmla v0.4h, v1.4h, v2.4h, #0
fcmla v0.8h, v1.8h, v2.8h, #90
fcmla v0.2s, v1.2s, v2.2s, #180
fcmla v0.4s, v1.4s, v2.4s, #270
fcmla v0.2d, v1.2d, v2.2d, #0
fcmla v0.2d, v1.2d, v2.2d, #90
fcmla v0.4h, v1.4h, v2.h[1], #0
fcmla v0.8h, v1.8h, v2.h[3], #90
fcmla v0.8h, v1.8h, v2.h[0], #180
fcmla v0.4s, v1.4s, v2.s[1], #270
fcmla v0.4s, v1.4s, v2.s[0], #0
fmlal v0.4s, v1.4h, v2.4h
fmlal v0.2s, v1.2h, v2.2h
fmlsl v0.4s, v1.4h, v2.4h
fmlsl v0.2s, v1.2h, v2.2h
fmlal2 v0.4s, v1.4h, v2.4h
fmlal2 v0.2s, v1.2h, v2.2h
fmlsl2 v0.4s, v1.4h, v2.4h
fmlsl2 v0.2s, v1.2h, v2.2h
fmlal v0.4s, v1.4h, v2.h[7]
fmlal v0.2s, v1.2h, v2.h[0]
fmlsl v0.4s, v1.4h, v2.h[3]
fmlal2 v0.4s, v1.4h, v2.h[5]
fmlsl2 v0.2s, v1.2h, v2.h[6]

// Per-thread guest CPU state, ISA-neutral. Integer registers and flag bookkeeping live
// in int32 "slots" (a target decides the layout); FP/vector registers in a byte bank
// with typed views. Both sit in shared buffers so a guest thread can later move to a
// worker thread.

/** Why a block returned to the run loop other than to continue at the returned PC. */
export const enum Exit {
  None = 0,
  Syscall = 1,
  Illegal = 2,
  Breakpoint = 3,
  /** A misaligned access the ISA does not allow (e.g. an atomic): SIGBUS at excAddr. */
  Misaligned = 4,
}

export class CpuState {
  readonly r: Int32Array;
  readonly vbank: SharedArrayBuffer;
  readonly v8: Uint8Array;
  readonly v32: Int32Array;
  readonly vf32: Float32Array;
  readonly vf64: Float64Array;
  readonly vview: DataView;
  /** Set by a block that stops for an exception; cleared by the run loop. */
  exc: Exit = Exit.None;
  /** Guest PC of the instruction that raised `exc`. */
  excPc = 0;
  /** The data address of an Exit.Misaligned. */
  excAddr = 0;

  constructor(slotCount: number, vectorBytes: number) {
    this.r = new Int32Array(new SharedArrayBuffer(slotCount * 4));
    this.vbank = new SharedArrayBuffer(Math.max(vectorBytes, 16));
    this.v8 = new Uint8Array(this.vbank);
    this.v32 = new Int32Array(this.vbank);
    this.vf32 = new Float32Array(this.vbank);
    this.vf64 = new Float64Array(this.vbank);
    this.vview = new DataView(this.vbank);
  }
}

// Operand and disassembly helpers shared by the riscv64 instruction groups.
import type { Fields } from '../../common/decode-pattern.js';
import { hex, xName } from '../regs.js';

/** Joins the non-empty parts of an emitted instruction. */
export const seq = (...parts: string[]): string => parts.filter((p) => p).join('\n');

/** "name rd,rs1,rs2" with ABI register names, objdump style. */
export const rrr = (name: string, f: Fields): string => `${name} ${xName(f.rd)},${xName(f.rs1)},${xName(f.rs2)}`;
export const rri = (name: string, f: Fields, imm: number | string = f.imm): string => `${name} ${xName(f.rd)},${xName(f.rs1)},${imm}`;
export const rr = (name: string, f: Fields): string => `${name} ${xName(f.rd)},${xName(f.rs1)}`;
/** A shift amount as objdump prints it (hex). */
export const shamtText = (n: number): string => `0x${n.toString(16)}`;
/** A branch or jump target (an absolute address). */
export const targetText = (pc: number, offset: number): string => hex(pc + offset);

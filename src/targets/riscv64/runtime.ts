// Everything riscv64 generated code may call through H, besides the generic int64 helpers.
import { fpRuntime } from './fp-runtime.js';
import { GROUP_RUNTIME } from './insns/index.js';

export const rvRuntime: Readonly<Record<string, unknown>> = { ...GROUP_RUNTIME, ...fpRuntime };

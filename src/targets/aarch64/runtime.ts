// Everything aarch64 generated code may call through H, besides the generic int64 helpers.
import { flagsRuntime } from './flags.js';
import { GROUP_RUNTIME } from './insns/index.js';

export const a64Runtime: Readonly<Record<string, unknown>> = { ...flagsRuntime, ...GROUP_RUNTIME };

// The tsqemu-<isa> command line: qemu-user's options and environment variables.
import { Command, CommanderError, Option } from 'commander';
import { ElfError } from '../loader/elf.js';
import { implementedSyscalls } from '../syscalls/kernel.js';
import { Log, LOG_ITEMS, parseLogItems } from '../user-mode/log.js';
import { dieOfSignal, fatalSignalMessage } from '../user-mode/fatal-signal.js';
import { LoadError, runProgramAsync, type Outcome } from '../user-mode/run-program.js';
import type { UserTarget } from '../user-mode/user-target.js';
import { guestEnvironment } from './environment.js';
import { parseSize } from './size.js';

export const VERSION = '0.1.0';
const DEFAULT_STACK = 8 * 1024 * 1024;

/** The CPU models a target offers to -cpu, and the user target of each (default: only "max"). */
export interface CpuChoice {
  readonly names: readonly string[];
  select(name: string): UserTarget | undefined;
}

/** qemu spells long options with one dash (-strace); commander wants two. */
const SINGLE_DASH_LONG = new Set(['-strace', '-cpu', '-seed', '-version', '-help', '-syscalls']);
/** Options that take a value, so the program name is found after them. */
const TAKES_VALUE = new Set(['-L', '-E', '-U', '-0', '-s', '-d', '-D', '--cpu', '--seed']);

/** Rewrites qemu-style options before the program name; the guest's arguments stay untouched. */
function normalizeArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    if (!a.startsWith('-') || a === '-' || a === '--') return [...out, ...args.slice(i)];
    if (SINGLE_DASH_LONG.has(a)) a = `-${a}`;
    out.push(a);
    if (TAKES_VALUE.has(a) && i + 1 < args.length) out.push(args[++i]);
  }
  return out;
}

interface CliOptions {
  L?: string;
  E: string[];
  U: string[];
  argv0?: string;
  stackSize?: string;
  cpu?: string;
  strace?: boolean;
  log?: string;
  logFile?: string;
  seed?: string;
  syscalls?: boolean;
}

/** Debian's qemu-user looks for a guest sysroot here when neither -L nor QEMU_LD_PREFIX is given. */
const defaultPrefix = (target: UserTarget): string => `/etc/qemu-binfmt/${target.ops.name}`;

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',')];

export async function main(target: UserTarget, name: string, args: readonly string[],
  cpus: CpuChoice = { names: ['max'], select: (cpu) => (cpu === 'max' ? target : undefined) }): Promise<void> {
  const env = process.env;
  const program = new Command(name)
    .usage('[options] program [arguments...]')
    .description(`Linux ${target.ops.name} user-mode emulator`)
    .version(`${name} version ${VERSION}`, '-V, --version', 'display version information and exit')
    .addOption(new Option('-L <path>', `set the elf interpreter prefix: absolute guest paths are looked up there first (QEMU_LD_PREFIX, default ${defaultPrefix(target)})`))
    .addOption(new Option('-E <var=value>', 'set targets environment variable (QEMU_SET_ENV)').argParser(collect).default([]))
    .addOption(new Option('-U <var>', 'unset targets environment variable (QEMU_UNSET_ENV)').argParser(collect).default([]))
    .addOption(new Option('-0, --argv0 <argv0>', 'forces target process argv[0] to be argv0 (QEMU_ARGV0)'))
    .addOption(new Option('-s, --stack-size <size>', 'set the stack size to size bytes (QEMU_STACK_SIZE)'))
    .addOption(new Option('--cpu <model>', "select CPU ('--cpu help' for list) (QEMU_CPU)"))
    .addOption(new Option('--strace', 'log system calls (QEMU_STRACE)'))
    .addOption(new Option('-d, --log <item,...>', `enable logging of specified items: ${Object.keys(LOG_ITEMS).join(', ')} (QEMU_LOG)`))
    .addOption(new Option('-D, --log-file <file>', 'write logs to file instead of stderr (QEMU_LOG_FILENAME)'))
    .addOption(new Option('--seed <number>', 'seed for pseudo-random number generator (QEMU_RAND_SEED)'))
    .addOption(new Option('--syscalls', 'list the system calls implemented for this target (number and name) and exit'))
    .argument('[program]', 'the guest executable')
    .argument('[arguments...]', 'passed to the guest untouched')
    .passThroughOptions()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.replace(/^error: /, `${name}: `)) });

  try {
    program.parse(normalizeArgs(args), { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    throw err;
  }
  const o = program.opts<CliOptions>();
  const [path, guestArgs] = program.processedArgs as [string | undefined, string[]];

  const fail = (message: string): never => {
    process.stderr.write(`${name}: ${message}\n`);
    process.exit(1);
  };

  const cpu = o.cpu ?? env.QEMU_CPU ?? 'max';
  if (cpu === 'help') {
    process.stdout.write(`Available CPUs:\n${cpus.names.map((m) => `  ${m}\n`).join('')}`);
    process.exit(0);
  }
  const selected = cpus.select(cpu);
  if (!selected) return fail(`unknown CPU model '${cpu}' (try --cpu help)`);
  target = selected;

  if (o.syscalls) {
    const numbers = new Map([...target.linux.syscalls].map(([nr, n]) => [n, nr]));
    process.stdout.write(implementedSyscalls(target.linux).map((n) => `${numbers.get(n)} ${n}\n`).join(''));
    process.exit(0);
  }
  if (path === undefined) return fail("missing required argument 'program' (see -h)");

  const stackSpec = o.stackSize ?? env.QEMU_STACK_SIZE;
  const stackSize = stackSpec === undefined ? DEFAULT_STACK : parseSize(stackSpec);
  if (stackSize === null || stackSize < 65536) fail(`invalid stack size '${stackSpec}'`);

  const seedSpec = o.seed ?? env.QEMU_RAND_SEED;
  const seed = seedSpec === undefined ? undefined : Number(seedSpec);
  if (seed !== undefined && !Number.isInteger(seed)) fail(`invalid seed '${seedSpec}'`);

  let log: Log;
  try {
    log = new Log(parseLogItems(o.log ?? env.QEMU_LOG ?? ''), o.logFile ?? env.QEMU_LOG_FILENAME);
  } catch (err) {
    return fail((err as Error).message);
  }

  const envp = guestEnvironment(env, [...(env.QEMU_SET_ENV?.split(',') ?? []), ...o.E], [
    ...(env.QEMU_UNSET_ENV?.split(',') ?? []),
    ...o.U,
  ]);
  const argv0 = o.argv0 ?? env.QEMU_ARGV0;

  let outcome: Outcome;
  try {
    outcome = await runProgramAsync(target, {
      path,
      argv: [argv0 ?? path, ...guestArgs],
      envp,
      stackSize: Math.ceil(stackSize! / 4096) * 4096,
      prefix: o.L ?? env.QEMU_LD_PREFIX ?? defaultPrefix(target),
      seed,
      strace: o.strace === true || env.QEMU_STRACE !== undefined,
      log,
    });
  } catch (err) {
    if (err instanceof ElfError || err instanceof LoadError) return fail(`${path}: ${err.message}`);
    if (env.TSQEMU_DEBUG) throw err;
    return fail(`internal error: ${(err as Error).message} (set TSQEMU_DEBUG=1 for details)`);
  }
  log.close();
  finish(outcome, target.coreDumpMessage ?? true);
}

/** Leaves with the guest's status, or dies of its signal so the shell sees the same. */
function finish(outcome: Outcome, coreDumpMessage: boolean): never {
  if (outcome.kind === 'exit') process.exit(outcome.status & 0xff);
  const message = coreDumpMessage ? fatalSignalMessage(outcome.signal) : undefined;
  if (message) process.stderr.write(message);
  return dieOfSignal(outcome.signal);
}

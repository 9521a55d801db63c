/**
 * Command-line arguments → a request, or a usage error. The options are one table, which also
 * writes the `--help` text, so the two cannot drift apart.
 */

export const emitStages = ['tokens', 'ast', 'typed', 'mlir'] as const;
export type EmitStage = (typeof emitStages)[number];

export interface CompileRequest {
  readonly command: 'compile';
  readonly file: string;
  readonly emit: EmitStage;
  readonly output: string | null;
  readonly debugInfo: boolean;
  readonly color: boolean | undefined;
}

export interface RunRequest {
  readonly command: 'run';
  readonly file: string;
  readonly programArgs: readonly string[];
  readonly color: boolean | undefined;
}

export type Request = CompileRequest | RunRequest | { readonly command: 'help' } | { readonly command: 'version' };

export type ParsedArgs = { readonly ok: true; readonly request: Request } | { readonly ok: false; readonly error: string };

interface OptionSpec {
  readonly names: readonly string[];
  readonly value?: string;
  readonly commands: readonly ('compile' | 'run')[];
  readonly help: string;
}

const options: readonly OptionSpec[] = [
  { names: ['--emit'], value: 'STAGE', commands: ['compile'], help: `stop after a stage and print it: ${emitStages.join(', ')} (default: mlir)` },
  { names: ['-o', '--output'], value: 'FILE', commands: ['compile'], help: 'write the output to FILE instead of stdout' },
  { names: ['--debug-info'], commands: ['compile'], help: "print MLIR loc(...) attributes pointing at the F# source" },
  { names: ['--no-color'], commands: ['compile', 'run'], help: 'plain diagnostics (also when piped, or with NO_COLOR set)' },
  { names: ['--color'], commands: ['compile', 'run'], help: 'coloured diagnostics even when piped' },
  { names: ['-h', '--help'], commands: ['compile', 'run'], help: 'show this help' },
];

export function helpText(): string {
  const width = Math.max(...options.map((o) => `${o.names.join(', ')}${o.value ? ` ${o.value}` : ''}`.length));
  const lines = options.map((o) => {
    const left = `${o.names.join(', ')}${o.value ? ` ${o.value}` : ''}`;
    return `  ${left.padEnd(width)}  ${o.help}${o.commands.length === 1 ? ` (${o.commands[0]})` : ''}`;
  });
  return [
    'firefly-sim: a simulator of the Fidelity F#-to-native pipeline (FNCS front end, Alex lowering to MLIR, an interpreter)',
    '',
    'Usage:',
    '  firefly-sim compile <file.fs> [--emit tokens|ast|typed|mlir] [-o out] [--debug-info]',
    '  firefly-sim run <file.fs|file.mlir> [program args...]',
    '',
    'Options:',
    ...lines,
    '',
    'Exit codes: 0 success, 1 compile errors, 2 bad usage, 70 runtime error.',
  ].join('\n');
}

const find = (arg: string): OptionSpec | undefined => options.find((o) => o.names.includes(arg));

/** Parse `argv` (without `node` and the script). Never throws. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) return { ok: false, error: 'missing command: expected `compile` or `run` (see --help)' };
  if (command === '-h' || command === '--help' || command === 'help') return { ok: true, request: { command: 'help' } };
  if (command === '--version' || command === '-v') return { ok: true, request: { command: 'version' } };
  if (command !== 'compile' && command !== 'run') return { ok: false, error: `unknown command '${command}': expected \`compile\` or \`run\`` };

  let file: string | undefined;
  let emit: EmitStage = 'mlir';
  let output: string | null = null;
  let debugInfo = false;
  let color: boolean | undefined;
  const programArgs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    // For `run`, everything after the file belongs to the program.
    if (command === 'run' && file !== undefined) { programArgs.push(arg); continue; }
    if (arg === '--') { continue; }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const spec = arg.startsWith('-') && arg !== '-' ? find(flag) : undefined;
    if (arg.startsWith('-') && arg !== '-' && spec === undefined) return { ok: false, error: `unknown option '${flag}' (see --help)` };
    if (spec === undefined) {
      if (file !== undefined) return { ok: false, error: `unexpected argument '${arg}': only one source file is accepted` };
      file = arg;
      continue;
    }
    if (!spec.commands.includes(command)) return { ok: false, error: `option '${flag}' does not apply to \`${command}\`` };
    let value: string | undefined;
    if (spec.value !== undefined) {
      value = inline ?? rest[++i];
      if (value === undefined) return { ok: false, error: `option '${flag}' needs a value (${spec.value})` };
    } else if (inline !== undefined) {
      return { ok: false, error: `option '${flag}' takes no value` };
    }
    switch (spec.names[spec.names.length - 1]) {
      case '--help': return { ok: true, request: { command: 'help' } };
      case '--emit':
        if (!(emitStages as readonly string[]).includes(value!)) return { ok: false, error: `unknown stage '${value}' for --emit: expected one of ${emitStages.join(', ')}` };
        emit = value as EmitStage;
        break;
      case '--output': output = value!; break;
      case '--debug-info': debugInfo = true; break;
      case '--no-color': color = false; break;
      case '--color': color = true; break;
    }
  }
  if (file === undefined) return { ok: false, error: `missing source file: \`firefly-sim ${command} <file>\`` };
  return command === 'compile'
    ? { ok: true, request: { command, file, emit, output, debugInfo, color } }
    : { ok: true, request: { command, file, programArgs, color } };
}

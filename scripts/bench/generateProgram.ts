/**
 * Generates realistic F# programs in the compiler's subset, of a requested size, for the
 * front-end and lowering throughput benchmark.
 *
 * A program is a run of "units", each a record type and a handful of functions of the kinds the
 * echo server is made of: byte loops over NativePtr, matches with or-patterns and guards, string
 * handling, record construction and copy-and-update, mutable locals, while and for loops, and calls
 * to helpers (in its own unit and in the one before). Constants and shapes vary with a seeded
 * generator, so the same size always gives the same program. Every program must compile without
 * diagnostics; the benchmark and `tests/bench/generator.test.ts` check that it does.
 */
import { seededRandom } from './random.js';

/** A generated program and its size. */
export interface GeneratedProgram {
  readonly text: string;
  /** Lines in `text` (newline-terminated lines). */
  readonly lines: number;
  /** Units (record + functions) in it. */
  readonly units: number;
}


interface Rng {
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function makeRng(seed: number): Rng {
  const next = seededRandom(seed);
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

const NOUNS = ['Packet', 'Frame', 'Header', 'Record', 'Message', 'Chunk', 'Segment', 'Entry'] as const;
const WORDS = ['alpha', 'beta', 'x-ray', 'delta', 'echo', 'fox-trot', 'golf', 'hotel'] as const;

/** The record type of unit `k`. */
function recordType(k: number, noun: string): string[] {
  return [
    `/// A ${noun.toLowerCase()} as unit ${k} sees it.`,
    `type ${noun}${k} = {`,
    '    Id: int',
    '    Length: int64',
    '    Flags: byte',
    '    Name: string',
    '    Data: nativeptr<byte>',
    '}',
    '',
  ];
}

/** A checksum over bytes: while loop, mutable locals, NativePtr.get, bit operations. */
function checksum(k: number, r: Rng): string[] {
  const mul = r.pick([31, 33, 37, 131]);
  const mask = r.pick(['0xFFFF', '0x7FFFFFFF', '0xFFFFF']);
  return [
    `/// A running checksum of \`len\` bytes (unit ${k}).`,
    `let checksum${k} (data: nativeptr<byte>) (len: int) : int =`,
    `    let mutable acc = ${r.int(1, 97)}`,
    '    let mutable i = 0',
    '    while i < len do',
    `        acc <- (acc * ${mul} + int (NativePtr.get data i)) &&& ${mask}`,
    '        i <- i + 1',
    '    acc',
    '',
  ];
}

/** A classifier: integer match with or-patterns, guards, a variable pattern and a wildcard. */
function classify(k: number, r: Rng): string[] {
  const a = r.int(2, 5);
  const b = a + r.int(1, 4);
  return [
    `let classify${k} (code: int) (limit: int) : int =`,
    '    match code with',
    `    | 0 | 1 -> ${r.int(10, 99)}`,
    `    | ${a} when limit > ${r.int(1, 9)} -> ${r.int(100, 199)}`,
    `    | ${b} | ${b + 1} -> limit * ${r.int(2, 9)}`,
    '    | n when n > limit -> n - limit',
    '    | _ -> -1',
    '',
  ];
}

/** String handling: trim, startsWith, contains, toLower, substring, concatenation, Format.int. */
function describe(k: number, r: Rng): string[] {
  const prefix = r.pick(['x', 'a', 'e', 'g']);
  return [
    `let describe${k} (name: string) (n: int) : string =`,
    '    let trimmed = String.trim name',
    `    if String.startsWith trimmed "${prefix}" then`,
    '        trimmed + ":" + Format.int n',
    '    elif String.contains trimmed "-" then',
    '        String.toLower trimmed',
    '    else',
    '        let cut = if String.length trimmed > 3 then 3 else String.length trimmed',
    '        String.substring trimmed 0 cut',
    '',
  ];
}

/** A byte pattern writer: for-in loop, NativePtr.set, byte conversion, NativePtr.write/read. */
function fillPattern(k: number, r: Rng): string[] {
  return [
    `let fillPattern${k} (dest: nativeptr<byte>) (len: int) (seed: int) =`,
    '    for i in 0 .. len - 1 do',
    `        NativePtr.set dest i (byte ((seed + i * ${r.int(3, 13)}) &&& 0xFF))`,
    '    if len > 0 then',
    `        NativePtr.write dest ${r.int(0, 255)}uy`,
    '',
  ];
}

/** Big-endian decode with a for-to loop over int64. */
function readBigEndian(k: number): string[] {
  return [
    `let readBigEndian${k} (buffer: nativeptr<byte>) (offset: int) (count: int) : int64 =`,
    '    let mutable value = 0L',
    '    for i = 0 to count - 1 do',
    '        value <- (value <<< 8) ||| int64 (NativePtr.get buffer (offset + i))',
    '    value',
    '',
  ];
}

/** Record construction and copy-and-update. */
function records(k: number, noun: string, r: Rng): string[] {
  return [
    `let make${noun}${k} (id: int) (data: nativeptr<byte>) (len: int) : ${noun}${k} =`,
    `    { Id = id; Length = int64 len; Flags = 0x${r.int(16, 255).toString(16).toUpperCase()}uy; Name = "${r.pick(WORDS)}" + Format.int id; Data = data }`,
    '',
    `let grow${noun}${k} (p: ${noun}${k}) (extra: int64) : ${noun}${k} =`,
    '    { p with Length = p.Length + extra }',
    '',
    `let isFinal${k} (p: ${noun}${k}) : bool =`,
    '    (p.Flags &&& 0x80uy) <> 0uy && p.Length > 0L',
    '',
  ];
}

/** XOR unmasking in place, four key bytes, as the echo server does. */
function unmask(k: number): string[] {
  return [
    `let unmask${k} (data: nativeptr<byte>) (len: int) (key: uint32) =`,
    '    let mutable i = 0',
    '    while i < len do',
    '        let shift = 24 - 8 * (i % 4)',
    '        let keyByte = byte ((key >>> shift) &&& 0xFFu)',
    '        NativePtr.set data i (NativePtr.get data i ^^^ keyByte)',
    '        i <- i + 1',
    '',
  ];
}

/** The unit's driver: region allocation, helper calls (here and in the previous unit), loops. */
function process(k: number, noun: string, r: Rng): string[] {
  const size = r.pick([16, 32, 64, 128]);
  const lines = [
    `/// Runs unit ${k}'s helpers over a buffer of ${size} bytes.`,
    `let process${k} (region: Region) (n: int) : int =`,
    `    let buf = Region.alloc<byte> region ${size}`,
    `    fillPattern${k} buf ${size} n`,
    `    unmask${k} buf ${size} ${r.int(1, 0xffff)}u`,
    `    let p = grow${noun}${k} (make${noun}${k} n buf ${size - 8}) 8L`,
    `    let sum = checksum${k} p.Data (int p.Length)`,
    '    let mutable total = 0',
    `    for j = 0 to ${r.int(2, 6)} do`,
    `        total <- total + classify${k} (sum % ${r.int(5, 11)} + j) ${r.int(2, 8)}`,
    `    let wide = readBigEndian${k} buf 0 ${r.pick([2, 4, 8])}`,
    `    if wide > ${r.int(1000, 100000)}L && isFinal${k} p then`,
    '        total <- total + 1',
    `    let label = describe${k} p.Name total`,
    '    total <- total + String.length label',
  ];
  if (k > 0) lines.push(`    total <- total + checksum${k - 1} buf ${r.int(1, size)}`);
  lines.push('    total', '');
  return lines;
}

function unit(k: number, r: Rng): string[] {
  const noun = r.pick(NOUNS);
  return [
    `// ${'='.repeat(60)}`,
    `// Unit ${k}`,
    `// ${'='.repeat(60)}`,
    '',
    ...recordType(k, noun),
    ...checksum(k, r),
    ...classify(k, r),
    ...describe(k, r),
    ...fillPattern(k, r),
    ...readBigEndian(k),
    ...records(k, noun, r),
    ...unmask(k),
    ...process(k, noun, r),
  ];
}

function entryPoint(units: number): string[] {
  const calls = Math.min(units, 4);
  const lines = ['[<EntryPoint>]', 'let main (argv: string[]) =', `    let region = Region.create ${calls + 1}`, '    let mutable total = 0'];
  for (let k = units - calls; k < units; k++) lines.push(`    total <- total + process${k} region ${k + 1}`);
  lines.push('    Console.writeln ("total " + Format.int total)', '    0', '');
  return lines;
}

/**
 * A program of about `targetLines` lines (never fewer, overshooting by less than one unit), the
 * same for the same `targetLines` and `seed`.
 */
export function generateProgram(targetLines: number, seed = 6): GeneratedProgram {
  const r = makeRng(seed);
  const header = [`/// Generated by scripts/bench/generateProgram.ts (${targetLines} lines, seed ${seed}).`, 'module Generated', ''];
  const body: string[] = [];
  let units = 0;
  // At least one unit; the entry point is small and fixed-size, so room is kept for it.
  do {
    body.push(...unit(units, r));
    units++;
  } while (header.length + body.length + entryPoint(units + 1).length < targetLines);
  const all = [...header, ...body, ...entryPoint(units)];
  return { text: all.join('\n'), lines: all.length - 1, units };
}

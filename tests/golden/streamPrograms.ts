/**
 * Programs both streaming tests compile (tests/golden/streaming.test.ts, a function at a time;
 * streamCompile.test.ts, a declaration at a time): the samples, two programs whose functions are
 * emitted out of declaration order, and generated ones.
 */
import { generateProgram } from '../../scripts/bench/generateProgram.js';
import { SAMPLES, readRoot } from './support.js';

/** Calls that reach functions emitted after their caller: a specialisation, a lifted local function. */
const forwardCalls = [
  'module Forward',
  '',
  "let first (x: 'a) (y: 'a) = x",
  '',
  'let scaled (n: int) =',
  '    let times (k: int) = n * k + first k n',
  '    times 3 + int (first 1uy 2uy)',
  '',
  '[<EntryPoint>]',
  'let main _ =',
  '    Console.writeln "forward"',
  '    scaled 4',
  '',
].join('\n');

/** Values inlined later, a generic function specialised later, a `rec … and` group, a lifted local function, a record. */
export const mixed = [
  'module Mixed',
  '',
  'type Point = { X: int; Y: int }',
  '',
  'let limit = 10',
  'let scale = limit * 2',
  '',
  "let first (x: 'a) (y: 'a) = x",
  '',
  'let rec even (n: int) : bool = if n = 0 then true else odd (n - 1)',
  'and odd (n: int) : bool = if n = 0 then false else even (n - 1)',
  '',
  'let sumTo (n: int) =',
  '    let add (a: int) (b: int) = a + b + scale',
  '    let mutable acc = 0',
  '    for i in 0 .. n do',
  '        acc <- add acc i',
  '    acc',
  '',
  'let describe (p: Point) = if even p.X then "even" else "odd"',
  '',
  'let later (n: int) = first n (sumTo n)',
  '',
  '[<EntryPoint>]',
  'let main _ =',
  '    let p = { X = 3; Y = first 4 5 }',
  '    Console.writeln (describe p)',
  '    sumTo limit + p.Y + later 2 + int (first 1uy 2uy)',
  '',
].join('\n');

/** Each compiles cleanly. */
export const STREAM_PROGRAMS: readonly { readonly name: string; readonly text: string }[] = [
  ...SAMPLES.map((s) => ({ name: s.source, text: readRoot(s.source) })),
  { name: 'forward.fs', text: forwardCalls },
  { name: 'mixed.fs', text: mixed },
  ...[1_000, 10_000].map((n) => ({ name: `generated-${n}.fs`, text: generateProgram(n).text })),
];

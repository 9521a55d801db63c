/**
 * Alex's witnesses, one small F# program per family of constructs: each compiles without errors,
 * its MLIR holds the ops that family must produce (runs of ops matched with SSA names free), and
 * `mlir-opt-19` accepts it and lowers it to LLVM IR. Then the constructs this lowering leaves out
 * (closures: partial application, functions as values) are FS4000 errors at their position.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lowerToLlvmIr, mlirOptVerify } from '../support/mlirTools.js';
import { bodyLines, compileMlir, expectRun, functionHeader, functionOps, parameterNames, scratchDir } from './support.js';

const scratch = scratchDir('firefly-witness-');
afterAll(() => scratch.remove());

/** `module Test`, the lines given, and an entry point unless the lines have one. */
const program = (...lines: string[]): string => {
  const body = ['module Test', '', ...lines];
  if (!lines.some((l) => l.includes('[<EntryPoint>]'))) body.push('', '[<EntryPoint>]', 'let main _ = 0');
  return `${body.join('\n')}\n`;
};

/** Compile `source` as test.fs; only the warnings listed (as `(line,col) FSnnnn`) may be reported. */
function lower(source: string, warnings: readonly string[] = []): string {
  const out = compileMlir('test.fs', source);
  expect(out.diagnostics.map((d) => `(${d.span.startLine},${d.span.startCol}) ${d.code}`), out.rendered).toEqual(warnings);
  expect(out.text).not.toBeNull();
  return out.text!;
}

/** The parameters of `@fn` bound to the names the expectations use for them. */
function params(mlir: string, fn: string, names: readonly string[]): Map<string, string> {
  const actual = parameterNames(functionHeader(mlir, fn));
  return new Map(names.map((n, i) => [n, actual[i]!]));
}

const count = (lines: readonly string[], pattern: RegExp): number => lines.filter((l) => pattern.test(l)).length;

interface Case {
  readonly name: string;
  readonly source: string;
  readonly warnings?: readonly string[];
  readonly check: (mlir: string) => void;
}

const cases: Case[] = [
  {
    name: 'literals: integers of every width, bool, unit and strings',
    source: program(
      '[<EntryPoint>]',
      'let main _ =',
      '    let big = 5000000000L',
      '    let high = 0xFFuy',
      '    let low = -128y',
      '    let wide = 65535us',
      '    let yes = true',
      '    let nothing = ()',
      '    let s = "hi\\n\\t\\"q\\"\\\\"',
      '    if yes then int high + int low + int wide + String.length s + int (big / 1000000000L) else -1',
    ),
    check: (mlir) => {
      const lines = bodyLines(mlir, 'main');
      for (const c of ['5000000000 : i64', '0xFF : i8', '0x80 : i8', '-1 : i16', 'true', '-1 : i32']) {
        expect(lines.filter((l) => l.endsWith(` = arith.constant ${c}`)), c).toHaveLength(1);
      }
      expect(mlir).toContain('llvm.mlir.global internal constant @str0("hi\\0A\\09\\22q\\22\\\\") {addr_space = 0 : i32}');
      expectRun([
        '%a = llvm.mlir.addressof @str0 : !llvm.ptr',
        '%u = llvm.mlir.undef : !llvm.struct<(ptr, i64)>',
        '%s0 = llvm.insertvalue %a, %u[0] : !llvm.struct<(ptr, i64)>',
        '%n = arith.constant 8 : i64',
        '%s = llvm.insertvalue %n, %s0[1] : !llvm.struct<(ptr, i64)>',
      ], lines);
      expect(count(lines, /arith\.extui %\d+ : i8 to i32/)).toBe(1);
      expect(count(lines, /arith\.extsi %\d+ : i8 to i32/)).toBe(1);
      expect(count(lines, /arith\.extui %\d+ : i16 to i32/)).toBe(1);
    },
  },
  {
    name: 'mutable locals: one stack slot each, in the entry block, stored and loaded',
    source: program(
      'let count (n: int) =',
      '    let mutable acc = 0',
      '    let mutable i = 0',
      '    while i < n do',
      '        acc <- acc + 2',
      '        i <- i + 1',
      '    acc',
    ),
    check: (mlir) => {
      const ops = functionOps(mlir, 'count');
      expectRun([
        '%one = arith.constant 1 : i64',
        '%acc = llvm.alloca %one x i32 : (i64) -> !llvm.ptr',
        '%i = llvm.alloca %one x i32 : (i64) -> !llvm.ptr',
        '%zero = arith.constant 0 : i32',
        'llvm.store %zero, %acc : i32, !llvm.ptr',
        'llvm.store %zero, %i : i32, !llvm.ptr',
      ], ops.slice(0, 6));
      expect(count(bodyLines(mlir, 'count'), /llvm\.alloca/)).toBe(2);
      expectRun(['%v = llvm.load %acc : !llvm.ptr -> i32', 'func.return %v : i32'], ops.slice(-2));
      expect(ops[6]).toMatch(/^scf\.while : \(\) -> \(\) \{/);
    },
  },
  {
    name: 'if/elif/else with a value, and if without else',
    source: program(
      'let sign (x: int) = if x > 0 then 1 elif x < 0 then -1 else 0',
      'let report (x: int) = if x > 0 then Console.writeln "positive"',
    ),
    check: (mlir) => {
      const sign = bodyLines(mlir, 'sign');
      expectRun(['%zero = arith.constant 0 : i32', '%c = arith.cmpi sgt, %x, %zero : i32', '%r = scf.if %c -> (i32) {'], sign, params(mlir, 'sign', ['%x']));
      expectRun(['%c2 = arith.cmpi slt, %x, %zero : i32', '%r2 = scf.if %c2 -> (i32) {'], sign, params(mlir, 'sign', ['%x']));
      expect(count(sign, /scf\.if/)).toBe(2);
      const report = bodyLines(mlir, 'report');
      expect(report.filter((l) => l.includes('scf.if'))).toEqual([expect.stringMatching(/^scf\.if %\d+ \{$/)]);
      expect(report).not.toContain('} else {');
      expectRun(['llvm.call @fidelity_console_writeln(%s) : (!llvm.struct<(ptr, i64)>) -> ()', 'scf.yield', '}', 'func.return'], report);
    },
  },
  {
    name: 'while and for loops (to, downto, ..) as scf.while',
    source: program(
      'let loops (n: int) =',
      '    let mutable acc = 0',
      '    for i in 1 .. n do',
      '        acc <- acc + i',
      '    for j = n downto 1 do',
      '        acc <- acc - j',
      '    for k = 0 to 3 do',
      '        acc <- acc + k',
      '    while acc > 100 do',
      '        acc <- acc / 2',
      '    acc',
    ),
    check: (mlir) => {
      const lines = bodyLines(mlir, 'loops');
      const n = params(mlir, 'loops', ['%n']);
      expectRun(['%w = scf.while (%i = %from) : (i32) -> i32 {', '%c = arith.cmpi sle, %i, %n : i32', 'scf.condition(%c) %i : i32'], lines, n);
      expectRun(['%w = scf.while (%j = %n) : (i32) -> i32 {', '%c = arith.cmpi sge, %j, %one : i32', 'scf.condition(%c) %j : i32'], lines, n);
      expect(count(lines, /arith\.subi %arg\d+, %\d+ : i32/)).toBe(1);
      expect(count(lines, /^scf\.while : \(\) -> \(\) \{$/)).toBe(1);
      expect(count(lines, /arith\.divsi/)).toBe(1);
    },
  },
  {
    name: 'match: or-patterns, guards, string patterns, and an incomplete match that fails at run time',
    source: program(
      'let classify (op: int) (fin: bool) =',
      '    match op with',
      '    | 0x01 | 0x02 -> 1',
      '    | 0x08 when fin -> 2',
      '    | _ -> 0',
      '',
      'let verb (s: string) =',
      '    match s with',
      '    | "GET" -> 1',
      '    | "POST" -> 2',
      '    | _ -> 0',
      '',
      'let partial (x: int) =',
      '    match x with',
      '    | 1 -> 10',
      '    | 2 -> 20',
    ),
    warnings: ['(16,11) FS0025'],
    check: (mlir) => {
      const classify = bodyLines(mlir, 'classify');
      const p = params(mlir, 'classify', ['%op', '%fin']);
      expectRun([
        '%one = arith.constant 1 : i32',
        '%is1 = arith.cmpi eq, %op, %one : i32',
        '%two = arith.constant 2 : i32',
        '%is2 = arith.cmpi eq, %op, %two : i32',
        '%either = arith.ori %is1, %is2 : i1',
        '%r = scf.if %either -> (i32) {',
      ], classify, p);
      expectRun([
        '%eight = arith.constant 8 : i32',
        '%is8 = arith.cmpi eq, %op, %eight : i32',
        '%g = scf.if %is8 -> (i1) {',
        'scf.yield %fin : i1',
        '} else {',
        '%f = arith.constant false',
        'scf.yield %f : i1',
        '}',
      ], classify, p);
      expect(mlir).not.toMatch(/func\.func @classify[\s\S]*fidelity_match_failure[\s\S]*func\.func @verb/);
      expect(count(bodyLines(mlir, 'verb'), /llvm\.call @fidelity_string_equals\(%arg0, %\d+\)/)).toBe(2);
      expect(mlir).toContain('llvm.mlir.global internal constant @str0("GET")');
      const partial = bodyLines(mlir, 'partial');
      expectRun([
        '%line = arith.constant 16 : i32',
        '%col = arith.constant 5 : i32',
        'llvm.call @fidelity_match_failure(%file, %line, %col) : (!llvm.struct<(ptr, i64)>, i32, i32) -> ()',
        '%p = llvm.mlir.poison : i32',
        'scf.yield %p : i32',
      ], partial);
      expect(mlir).toContain('@str2("test.fs")');
    },
  },
  {
    name: 'records: construction, nested field access in one extractvalue, copy-and-update',
    source: program(
      'type Inner = { A: int; B: byte }',
      'type Outer = { Id: int64; In: Inner }',
      '',
      'let make (a: int) = { Id = 1L; In = { A = a; B = 3uy } }',
      'let bump (o: Outer) = { o with Id = o.Id + 1L }',
      'let innerB (o: Outer) = o.In.B',
    ),
    check: (mlir) => {
      const t = '!llvm.struct<(i64, struct<(i32, i8)>)>';
      expect(functionHeader(mlir, 'bump')).toBe(`func.func @bump(%arg0: ${t}) -> ${t} {`);
      expectRun([
        `%id = llvm.extractvalue %o[0] : ${t}`,
        '%one = arith.constant 1 : i64',
        '%next = arith.addi %id, %one : i64',
        `%r = llvm.insertvalue %next, %o[0] : ${t}`,
        `func.return %r : ${t}`,
      ], functionOps(mlir, 'bump'), params(mlir, 'bump', ['%o']));
      expect(functionOps(mlir, 'innerB')).toEqual([`%0 = llvm.extractvalue %arg0[1, 1] : ${t}`, 'func.return %0 : i8']);
      expectRun([
        `%u = llvm.mlir.undef : ${t}`,
        '%id = arith.constant 1 : i64',
        `%o1 = llvm.insertvalue %id, %u[0] : ${t}`,
        '%ui = llvm.mlir.undef : !llvm.struct<(i32, i8)>',
        '%i1 = llvm.insertvalue %a, %ui[0] : !llvm.struct<(i32, i8)>',
        '%b = arith.constant 3 : i8',
        '%i2 = llvm.insertvalue %b, %i1[1] : !llvm.struct<(i32, i8)>',
        `%o2 = llvm.insertvalue %i2, %o1[1] : ${t}`,
        `func.return %o2 : ${t}`,
      ], functionOps(mlir, 'make'), params(mlir, 'make', ['%a']));
    },
  },
  {
    name: 'strings: + concatenates, = and <> compare through the runtime',
    source: program(
      'let greet (name: string) = "Hello, " + name',
      'let same (a: string) (b: string) = a = b',
      'let differ (a: string) (b: string) = a <> b',
    ),
    check: (mlir) => {
      const s = '!llvm.struct<(ptr, i64)>';
      expect(functionOps(mlir, 'greet')).toContain(`%5 = llvm.call @fidelity_string_concat(%4, %arg0) : (${s}, ${s}) -> ${s}`);
      expect(functionOps(mlir, 'same')).toEqual([`%0 = llvm.call @fidelity_string_equals(%arg0, %arg1) : (${s}, ${s}) -> i1`, 'func.return %0 : i1']);
      expectRun([
        `%eq = llvm.call @fidelity_string_equals(%a, %b) : (${s}, ${s}) -> i1`,
        '%t = arith.constant true',
        '%ne = arith.xori %eq, %t : i1',
        'func.return %ne : i1',
      ], functionOps(mlir, 'differ'), params(mlir, 'differ', ['%a', '%b']));
      expect(mlir).toContain(`llvm.func @fidelity_string_concat(${s}, ${s}) -> ${s}`);
    },
  },
  {
    name: 'conversions: extend by the source signedness, truncate when narrowing',
    source: program(
      'let widen (b: byte) (s: sbyte) (n: int) (u: uint32) (l: int64) =',
      '    let a = int b',
      '    let c = int s',
      '    let d = int64 n',
      '    let e = uint64 u',
      '    let f = byte n',
      '    let g = uint16 n',
      '    let h = int l',
      '    int64 a + int64 c + d + int64 e + int64 f + int64 g + int64 h',
    ),
    check: (mlir) => {
      expectRun([
        '%a = arith.extui %b : i8 to i32',
        '%c = arith.extsi %s : i8 to i32',
        '%d = arith.extsi %n : i32 to i64',
        '%e = arith.extui %u : i32 to i64',
        '%f = arith.trunci %n : i32 to i8',
        '%g = arith.trunci %n : i32 to i16',
        '%h = arith.trunci %l : i64 to i32',
      ], functionOps(mlir, 'widen'), params(mlir, 'widen', ['%b', '%s', '%n', '%u', '%l']));
      // Widening a byte or uint16 result again is unsigned, whatever it was converted from.
      const lines = bodyLines(mlir, 'widen');
      const result = (op: string): string => /^(%\d+) =/.exec(lines.find((l) => l.includes(op))!)![1]!;
      expect(lines.filter((l) => l.endsWith(`= arith.extui ${result('trunci %arg2 : i32 to i8')} : i8 to i64`))).toHaveLength(1);
      expect(lines.filter((l) => l.endsWith(`= arith.extui ${result('trunci %arg2 : i32 to i16')} : i16 to i64`))).toHaveLength(1);
    },
  },
  {
    name: 'operators: shifts, division, remainder and comparison pick signed or unsigned forms',
    source: program(
      'let ops (b: byte) (n: int) (u: uint32) (s: sbyte) =',
      '    let a = b >>> 4',
      '    let c = n >>> 2',
      '    let d = s >>> 1',
      '    let e = b <<< 1',
      '    let f = n / 3',
      '    let g = u / 3u',
      '    let h = n % 5',
      '    let k = u % 5u',
      '    let lt = b < 10uy && n < 10',
      '    if lt then int a + c + int d + int e + f + int g + h + int k else 0',
    ),
    check: (mlir) => {
      const lines = bodyLines(mlir, 'ops');
      const p = params(mlir, 'ops', ['%b', '%n', '%u', '%s']);
      expectRun([
        '%four = arith.constant 4 : i32',
        '%seven = arith.constant 7 : i32',
        '%masked = arith.andi %four, %seven : i32',
        '%count = arith.trunci %masked : i32 to i8',
        '%a = arith.shrui %b, %count : i8',
      ], lines, p);
      expectRun(['%m = arith.andi %two, %k31 : i32', '%c = arith.shrsi %n, %m : i32'], lines, p);
      expectRun(['%t = arith.trunci %m : i32 to i8', '%d = arith.shrsi %s, %t : i8'], lines, p);
      expectRun(['%t = arith.trunci %m : i32 to i8', '%e = arith.shli %b, %t : i8'], lines, p);
      expectRun(['%f = arith.divsi %n, %three : i32'], lines, p);
      expectRun(['%g = arith.divui %u, %three : i32'], lines, p);
      expectRun(['%h = arith.remsi %n, %five : i32'], lines, p);
      expectRun(['%k = arith.remui %u, %five : i32'], lines, p);
      expectRun(['%ten = arith.constant 10 : i8', '%lt = arith.cmpi ult, %b, %ten : i8'], lines, p);
      expectRun(['%ten = arith.constant 10 : i32', '%lt = arith.cmpi slt, %n, %ten : i32'], lines, p);
    },
  },
  {
    name: 'NativePtr: get, set, add, read, write, copy, fill (bytes by memset, wider by a loop)',
    source: program(
      'let mem (buf: nativeptr<byte>) (words: nativeptr<int>) (cell: nativeptr<int64>) =',
      '    NativePtr.fill buf 0x20uy 16',
      '    NativePtr.fill words 7 4',
      '    NativePtr.set buf 3 65uy',
      '    let second = NativePtr.add buf 8',
      '    NativePtr.copy second buf 4',
      '    NativePtr.copy words words 2',
      '    NativePtr.write cell 5L',
      '    int (NativePtr.get buf 3) + NativePtr.get words 1 + int (NativePtr.read cell)',
    ),
    check: (mlir) => {
      const lines = bodyLines(mlir, 'mem');
      const p = params(mlir, 'mem', ['%buf', '%words', '%cell']);
      expectRun([
        '%v = arith.constant 32 : i8',
        '%v32 = arith.extui %v : i8 to i32',
        '%n = arith.constant 16 : i64',
        '%r = llvm.call @memset(%buf, %v32, %n) : (!llvm.ptr, i32, i64) -> !llvm.ptr',
      ], lines, p);
      expectRun([
        '^bb0(%k: i32):',
        '%at = llvm.getelementptr %words[%k] : (!llvm.ptr, i32) -> !llvm.ptr, i32',
        'llvm.store %seven, %at : i32, !llvm.ptr',
      ], lines, p);
      expectRun(['%h = llvm.getelementptr %buf[3] : (!llvm.ptr) -> !llvm.ptr, i8', 'llvm.store %c65, %h : i8, !llvm.ptr'], lines, p);
      expectRun([
        '%second = llvm.getelementptr %buf[8] : (!llvm.ptr) -> !llvm.ptr, i8',
        '%four = arith.constant 4 : i64',
        '%r = llvm.call @memmove(%second, %buf, %four) : (!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr',
      ], lines, p);
      expectRun(['%eight = arith.constant 8 : i64', '%r = llvm.call @memmove(%words, %words, %eight) : (!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr'], lines, p);
      expectRun(['%five = arith.constant 5 : i64', 'llvm.store %five, %cell : i64, !llvm.ptr'], lines, p);
      expectRun(['%g = llvm.getelementptr %words[1] : (!llvm.ptr) -> !llvm.ptr, i32', '%w = llvm.load %g : !llvm.ptr -> i32'], lines, p);
      expectRun(['%x = llvm.load %cell : !llvm.ptr -> i64'], lines, p);
    },
  },
  {
    name: 'regions: created, allocated from, and released automatically at the end of each scope',
    source: program(
      'let scoped (n: int) =',
      '    let mutable total = 0',
      '    for i in 1 .. n do',
      '        let r = Region.create 1',
      '        let p = Region.alloc<int> r 4',
      '        NativePtr.set p 0 i',
      '        total <- total + NativePtr.get p 0',
      '    let v =',
      '        if n > 2 then',
      '            let r2 = Region.create 2',
      '            let q = Region.alloc<byte> r2 n',
      '            NativePtr.set q 0 1uy',
      '            int (NativePtr.get q 0)',
      '        else 0',
      '    total + v',
      '',
      '[<EntryPoint>]',
      'let main _ =',
      '    let region = Region.create 1',
      '    let buf = Region.alloc<byte> region 16',
      '    NativePtr.set buf 0 7uy',
      '    Region.release region',
      '    scoped 3 + int (NativePtr.get buf 0)',
    ),
    check: (mlir) => {
      const lines = bodyLines(mlir, 'scoped');
      const p = params(mlir, 'scoped', ['%n']);
      const exits = lines.filter((l) => l.startsWith('llvm.call @fidelity_region_scope_exit('));
      expect(exits).toHaveLength(2);
      // In the loop body: after the last use of the region's memory, before the next iteration.
      const loopExit = expectRun([
        '%r = llvm.call @fidelity_region_create(%one) : (i32) -> !llvm.ptr',
        '%bytes = arith.constant 16 : i64',
        '%align = arith.constant 4 : i64',
        '%p = llvm.call @fidelity_region_alloc(%r, %bytes, %align) : (!llvm.ptr, i64, i64) -> !llvm.ptr',
      ], lines, p);
      const loopRegion = /^%(\d+) =/.exec(lines[loopExit]!)![1]!;
      const loopPtr = /^%(\d+) =/.exec(lines[loopExit + 3]!)![1]!;
      const loopRelease = lines.indexOf(`llvm.call @fidelity_region_scope_exit(%${loopRegion}) : (!llvm.ptr) -> ()`);
      expect(loopRelease).toBeGreaterThan(loopExit);
      const lastUse = Math.max(...lines.map((l, i) => (l.includes(`%${loopPtr}[`) || l.includes(`%${loopPtr},`) ? i : -1)));
      expect(loopRelease).toBeGreaterThan(lastUse);
      expect(lines[loopRelease + 2]).toMatch(/^scf\.yield %\d+ : i32$/);
      // In the `if` branch: after the branch's value is computed, before it is yielded.
      expectRun([
        '%r2 = llvm.call @fidelity_region_create(%two) : (i32) -> !llvm.ptr',
        '%bytes = arith.extsi %n : i32 to i64',
        '%q = llvm.call @fidelity_region_alloc(%r2, %bytes, %align) : (!llvm.ptr, i64, i64) -> !llvm.ptr',
      ], lines, p);
      expectRun([
        '%v = arith.extui %x : i8 to i32',
        'llvm.call @fidelity_region_scope_exit(%r2) : (!llvm.ptr) -> ()',
        'scf.yield %v : i32',
        '} else {',
      ], lines, p);
      // An explicit release is kept, and the scope's exit still follows the last use (the read after it).
      const main = functionOps(mlir, 'main');
      expectRun([
        'llvm.call @fidelity_region_release(%region) : (!llvm.ptr) -> ()',
        '%three = arith.constant 3 : i32',
        '%s = func.call @scoped(%three) : (i32) -> i32',
        '%at = llvm.getelementptr %buf[0] : (!llvm.ptr) -> !llvm.ptr, i8',
        '%x = llvm.load %at : !llvm.ptr -> i8',
        '%xi = arith.extui %x : i8 to i32',
        '%sum = arith.addi %s, %xi : i32',
        'llvm.call @fidelity_region_scope_exit(%region) : (!llvm.ptr) -> ()',
        'func.return %sum : i32',
      ], main);
    },
  },
  {
    name: 'local functions: lifted to module functions taking their captures first',
    source: program(
      '[<EntryPoint>]',
      'let main _ =',
      '    let offset = 10',
      '    let scale = 3',
      '    let addOffset (v: int) = v + offset * scale',
      '    addOffset 5',
    ),
    check: (mlir) => {
      expect(functionHeader(mlir, 'main.addOffset')).toBe('func.func @main.addOffset(%arg0: i32, %arg1: i32, %arg2: i32) -> i32 {');
      expect(functionOps(mlir, 'main.addOffset')).toEqual(['%0 = arith.muli %arg0, %arg1 : i32', '%1 = arith.addi %arg2, %0 : i32', 'func.return %1 : i32']);
      expectRun([
        '%offset = arith.constant 10 : i32',
        '%scale = arith.constant 3 : i32',
        '%five = arith.constant 5 : i32',
        '%r = func.call @main.addOffset(%offset, %scale, %five) : (i32, i32, i32) -> i32',
      ], functionOps(mlir, 'main'));
    },
  },
  {
    name: 'a generic function used at two types: one specialisation per type',
    source: program(
      "let first (x: 'a) (y: 'a) = x",
      '',
      '[<EntryPoint>]',
      'let main _ =',
      '    let a = first 5 6',
      '    let b = first 7uy 8uy',
      '    a + int b',
    ),
    check: (mlir) => {
      expect(functionHeader(mlir, 'first$int')).toBe('func.func @first$int(%arg0: i32, %arg1: i32) -> i32 {');
      expect(functionHeader(mlir, 'first$byte')).toBe('func.func @first$byte(%arg0: i8, %arg1: i8) -> i8 {');
      expect(functionOps(mlir, 'first$byte')).toEqual(['func.return %arg0 : i8']);
      expect(mlir).not.toMatch(/func\.func @first\(/);
      const main = functionOps(mlir, 'main');
      expect(main.filter((o) => o.includes('func.call @first$'))).toHaveLength(2);
    },
  },
  {
    name: '|> applies the function on its right, left to right',
    source: program(
      'let twice (x: int) = x * 2',
      'let add (a: int) (b: int) = a + b',
      '',
      '[<EntryPoint>]',
      'let main _ =',
      '    let a = 5 |> twice |> twice',
      '    add a 1 |> ignore',
      '    a',
    ),
    check: (mlir) => {
      expectRun([
        '%five = arith.constant 5 : i32',
        '%a = func.call @twice(%five) : (i32) -> i32',
        '%b = func.call @twice(%a) : (i32) -> i32',
        '%one = arith.constant 1 : i32',
        '%c = func.call @add(%b, %one) : (i32, i32) -> i32',
        'func.return %b : i32',
      ], functionOps(mlir, 'main'));
    },
  },
  {
    name: 'a constant made inside a region is not reused after it',
    source: program(
      'let f (x: int) =',
      '    let a = if x > 0 then 5 else 6',
      '    a + 5',
    ),
    check: (mlir) => {
      const ops = functionOps(mlir, 'f');
      expect(ops[2]).toMatch(/^%2 = scf\.if %1 -> \(i32\) \{\n%3 = arith\.constant 5 : i32\nscf\.yield %3 : i32/);
      expectRun(['%five = arith.constant 5 : i32', '%r = arith.addi %a, %five : i32', 'func.return %r : i32'], ops.slice(3));
    },
  },
  {
    name: 'a top-level value used twice in another is still pure, and inlined',
    source: program(
      'let a = 1',
      'let b = a + a',
      '',
      '[<EntryPoint>]',
      'let main _ = b',
    ),
    check: (mlir) => {
      expectRun(['%one = arith.constant 1 : i32', '%b = arith.addi %one, %one : i32', 'func.return %b : i32'], functionOps(mlir, 'main').slice(-3));
    },
  },
  {
    name: 'a mutable of type unit has no slot; assigning it runs the value',
    source: program(
      'let touch (p: nativeptr<byte>) = NativePtr.write p 7uy',
      '',
      '[<EntryPoint>]',
      'let main _ =',
      '    let region = Region.create 16',
      '    let p = Region.alloc<byte> region 1',
      '    let mutable u = ()',
      '    u <- touch p',
      '    u',
      '    int (NativePtr.read p)',
    ),
    check: (mlir) => {
      const main = functionOps(mlir, 'main');
      expect(main.filter((o) => o.startsWith('llvm.alloca'))).toEqual([]);
      expect(main.filter((o) => o.includes('func.call @touch('))).toHaveLength(1);
    },
  },
];

describe.each(cases)('$name', ({ source, warnings, check }) => {
  it('compiles and holds the ops its witness must produce', () => {
    check(lower(source, warnings));
  });

  it('mlir-opt-19 accepts it and it lowers to LLVM IR', async (ctx) => {
    const file = scratch.write(`case${cases.findIndex((c) => c.source === source)}.mlir`, lower(source, warnings));
    const verified = await mlirOptVerify(file, ctx);
    expect(verified.stderr).toBe('');
    expect(verified.exitCode).toBe(0);
    const lowered = await lowerToLlvmIr(file, ctx);
    expect(lowered.stderr, `${lowered.stage} failed`).toBe('');
    expect(lowered.exitCode).toBe(0);
  });
});

describe('pipes', () => {
  // F# evaluates the piped value before the arguments written after the function.
  it('x |> f a evaluates x before a, then calls f a x', () => {
    const mlir = lower(program(
      'let bump (p: nativeptr<byte>) : int =',
      '    let v = int (NativePtr.read p) + 1',
      '    NativePtr.write p (byte v)',
      '    v',
      'let pair (a: int) (b: int) = a * 10 + b',
      '',
      '[<EntryPoint>]',
      'let main _ =',
      '    let region = Region.create 16',
      '    let p = Region.alloc<byte> region 1',
      '    NativePtr.write p 0uy',
      '    bump p |> pair (bump p)',
    ));
    const calls = functionOps(mlir, 'main').filter((o) => /func\.call @(bump|pair)\(/.test(o));
    expectRun([
      '%x = func.call @bump(%p) : (!llvm.ptr) -> i32',
      '%a = func.call @bump(%p) : (!llvm.ptr) -> i32',
      '%r = func.call @pair(%a, %x) : (i32, i32) -> i32',
    ], calls);
  });


  // `x |> f a` is the saturated call `f a x`, not a call of the computed value `f a`.
  it('x |> add 1 lowers to func.call @add(%one, %x)', () => {
    const mlir = lower(program(
      'let add (a: int) (b: int) = a + b',
      '',
      '[<EntryPoint>]',
      'let main _ =',
      '    5 |> add 1',
    ));
    expectRun([
      '%one = arith.constant 1 : i32',
      '%five = arith.constant 5 : i32',
      '%r = func.call @add(%one, %five) : (i32, i32) -> i32',
      'func.return %r : i32',
    ], functionOps(mlir, 'main'));
  });
});

describe('what this lowering leaves out is an error at its position, not a crash', () => {
  const errors = (source: string): string[] => {
    const out = compileMlir('test.fs', source);
    expect(out.text).toBeNull();
    return out.diagnostics.map((d) => `test.fs(${d.span.startLine},${d.span.startCol}): ${d.severity} ${d.code}: ${d.message}`);
  };

  it('partial application of a top-level function is FS4000', () => {
    expect(errors(program(
      'let add (a: int) (b: int) = a + b',
      '',
      '[<EntryPoint>]',
      'let main _ =',
      '    let inc = add 1',
      '    inc 2',
    ))).toEqual([
      "test.fs(7,15): error FS4000: Partial application of 'add' (1 of 2 arguments; closures) cannot be lowered to native code by this compiler",
    ]);
  });

  it('partial application of an intrinsic is FS4000', () => {
    expect(errors(program(
      '[<EntryPoint>]',
      'let main _ =',
      '    let send = Sys.write 1',
      '    0',
    ))).toEqual([
      "test.fs(5,16): error FS4000: Partial application of 'Sys.write' (1 of 3 arguments; closures) cannot be lowered to native code by this compiler",
    ]);
  });

  it('a function used as a value is FS4000', () => {
    expect(errors(program(
      'let twice (x: int) = x * 2',
      '',
      '[<EntryPoint>]',
      'let main _ =',
      '    let f = twice',
      '    f 3',
    ))).toEqual([
      "test.fs(7,13): error FS4000: The function 'twice' used as a value (closures) cannot be lowered to native code by this compiler",
    ]);
  });
});

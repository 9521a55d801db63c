/**
 * Prints a module as MLIR text, deterministically: the same module gives the same bytes.
 *
 * Layout follows `mlir-opt`: two spaces per nesting level, block labels two spaces left of their
 * ops. SSA names are numbered per function in print order: `%argN` for block arguments, `%N` for
 * results (`%N:2` defines two, used as `%N#0`, `%N#1`); blocks are `^bbN` by position in their
 * region. With `debugInfo`, every op is followed by its location, `loc("file.fs":line:col)`.
 * Each op's own text comes from its form in the op table, compiled once per op kind.
 */
import type { Block, Loc, Module, Operation, Region, Successor, Value } from './ir.js';
import { opSpecs } from './ops.js';
import { compileForm, type FormPrinter, type OpPrinter } from './syntax.js';
import { printType, type MlirType } from './types.js';

export interface PrintOptions {
  /** Print `loc(...)` after every op (and the module). */
  readonly debugInfo?: boolean;
}

/** Each op kind's printer: its hand-written form, or its directive list compiled. */
const formPrinters = new Map<string, FormPrinter>(opSpecs.map((s) => [s.name, 'print' in s.form ? s.form.print : compileForm(s.form)]));

/** Print a whole module. */
export function printModule(m: Module, options: PrintOptions = {}): string {
  const p = new TextPrinter(options.debugInfo === true);
  const chunks = ['module {\n'];
  for (const op of m.ops) {
    p.printOp(op, 1);
    chunks.push(p.finishFunction());
  }
  chunks.push(options.debugInfo === true ? `} ${printLoc(m.loc)}\n` : '}\n');
  return chunks.join('');
}

/** Print one top-level op on its own (a function, a declaration), at indentation 0. */
export function printOp(op: Operation, options: PrintOptions = {}): string {
  const p = new TextPrinter(options.debugInfo === true);
  p.printOp(op, 0);
  return p.finishFunction();
}

/** `loc("file.fs":3:7)`, or `loc(unknown)` for ops with no source. */
export function printLoc(loc: Loc): string {
  if (loc.file === '') return 'loc(unknown)';
  return `loc("${escapeFile(loc.file)}":${loc.line}:${loc.col})`;
}

const escapeFile = (file: string): string => file.replace(/\\/g, '\\\\').replace(/"/g, '\\22');

/** `'  '.repeat(depth)`, kept for the depths seen so far. */
const indents: string[] = [''];
function indent(depth: number): string {
  while (indents.length <= depth) indents.push(`${indents[indents.length - 1]!}  `);
  return indents[depth]!;
}

/**
 * The text of one top-level op being written, and the names of its values and blocks. Op forms
 * write through it (it is their `OpPrinter`). Pieces are appended to the current line; lines are
 * joined once per top-level op. That keeps the many small strings short-lived (a module's worth
 * kept to the end would be copied by every garbage collection) and the joins few.
 */
class TextPrinter implements OpPrinter {
  /** The finished lines of the current top-level op. */
  private lines: string[] = [];
  /** The line being written. */
  private line = '';
  private names = new Map<Value, string>();
  private labels = new Map<Block, string>();
  private nextResult = 0;
  private nextArg = 0;
  /** The nesting depth of the op being printed, which its regions' blocks are indented from. */
  private depth = 0;
  /** The last file a location named, and its escaped text: every op of a function names the same file. */
  private locFile = '';
  private locText = '';

  constructor(private readonly debugInfo: boolean) {}

  /** The text of the top-level op printed since the last call; names restart after it. */
  finishFunction(): string {
    const text = this.lines.join('');
    this.lines = [];
    if (this.names.size > 0) this.names = new Map();
    if (this.labels.size > 0) this.labels = new Map();
    this.nextResult = 0;
    this.nextArg = 0;
    return text;
  }

  private name(v: Value): string {
    const n = this.names.get(v);
    if (n !== undefined) return n;
    // A result is named where it is defined; reaching here means a use the verifier rejects.
    if (v.def !== 'arg') return '%<<undefined>>';
    const arg = `%arg${this.nextArg++}`;
    this.names.set(v, arg);
    return arg;
  }

  printOp(op: Operation, depth: number): void {
    let line = indent(depth);
    const results = op.results;
    if (results.length > 0) {
      const base = `%${this.nextResult++}`;
      if (results.length === 1) this.names.set(results[0]!, base);
      else for (let i = 0; i < results.length; i++) this.names.set(results[i]!, `${base}#${i}`);
      line += results.length === 1 ? `${base} = ` : `${base}:${results.length} = `;
    }
    this.line = line + op.name;
    const print = formPrinters.get(op.name);
    if (print === undefined) this.line += ' <<unknown op>>';
    else {
      const outer = this.depth;
      this.depth = depth;
      print(op, this);
      this.depth = outer;
    }
    if (this.debugInfo) this.line += ` ${this.loc(op.loc)}`;
    this.endLine();
  }

  /** End the current line, which then joins the finished ones. */
  private endLine(): void {
    this.lines.push(`${this.line}\n`);
    this.line = '';
  }

  private loc(loc: Loc): string {
    if (loc.file === '') return 'loc(unknown)';
    if (loc.file !== this.locFile) {
      this.locFile = loc.file;
      this.locText = `loc("${escapeFile(loc.file)}":`;
    }
    return `${this.locText}${loc.line}:${loc.col})`;
  }

  text(s: string): void {
    this.line += s;
  }

  value(v: Value): void {
    this.line += this.name(v);
  }

  values(vs: readonly Value[], from: number): void {
    for (let i = from; i < vs.length; i++) {
      this.line += i > from ? `, ${this.name(vs[i]!)}` : this.name(vs[i]!);
    }
  }

  type(t: MlirType): void {
    this.line += printType(t);
  }

  types(ts: readonly MlirType[]): void {
    for (let i = 0; i < ts.length; i++) {
      this.line += i > 0 ? `, ${printType(ts[i]!)}` : printType(ts[i]!);
    }
  }

  valueTypes(vs: readonly Value[], from: number): void {
    for (let i = from; i < vs.length; i++) {
      this.line += i > from ? `, ${printType(vs[i]!.type)}` : printType(vs[i]!.type);
    }
  }

  successor(s: Successor): void {
    this.line += this.labels.get(s.block) ?? '^<<unknown block>>';
    if (s.args.length === 0) return;
    this.line += '(';
    this.values(s.args, 0);
    this.line += ' : ';
    this.valueTypes(s.args, 0);
    this.line += ')';
  }

  region(r: Region, entryArgsShown: boolean): void {
    const depth = this.depth;
    const blocks = r.blocks;
    for (let i = 0; i < blocks.length; i++) this.labels.set(blocks[i]!, `^bb${i}`);
    this.line += '{';
    this.endLine();
    const pad = indent(depth);
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (i > 0 || (!entryArgsShown && b.args.length > 0)) {
        this.line = `${pad}^bb${i}`;
        for (let k = 0; k < b.args.length; k++) {
          const a = b.args[k]!;
          this.line += `${k === 0 ? '(' : ', '}${this.name(a)}: ${printType(a.type)}`;
        }
        this.line += b.args.length > 0 ? '):' : ':';
        this.endLine();
      }
      for (let k = 0; k < b.ops.length; k++) this.printOp(b.ops[k]!, depth + 1);
    }
    this.line = `${pad}}`;
  }
}

/**
 * Prints a module as MLIR text, deterministically: the same module gives the same bytes.
 *
 * Layout follows `mlir-opt`: two spaces per nesting level, block labels two spaces left of their
 * ops. SSA names are numbered per function in print order: `%argN` for block arguments, `%N` for
 * results (`%N:2` defines two, used as `%N#0`, `%N#1`); blocks are `^bbN` by position in their
 * region. With `debugInfo`, every op is followed by its location, `loc("file.fs":line:col)`.
 * Each op's own text comes from its form in the op table.
 */
import type { Block, Loc, Module, Operation, Region, Successor, Value } from './ir.js';
import { opsByName } from './ops.js';
import { printForm, type OpPrinter } from './syntax.js';
import { printType, type MlirType } from './types.js';

export interface PrintOptions {
  /** Print `loc(...)` after every op (and the module). */
  readonly debugInfo?: boolean;
}

/** Print a whole module. */
export function printModule(m: Module, options: PrintOptions = {}): string {
  const out: string[] = ['module {\n'];
  for (const op of m.ops) new FunctionScope(out, options).printOp(op, 1);
  out.push(options.debugInfo === true ? `} ${printLoc(m.loc)}\n` : '}\n');
  return out.join('');
}

/** Print one top-level op on its own (a function, a declaration), at indentation 0. */
export function printOp(op: Operation, options: PrintOptions = {}): string {
  const out: string[] = [];
  new FunctionScope(out, options).printOp(op, 0);
  return out.join('');
}

/** `loc("file.fs":3:7)`, or `loc(unknown)` for ops with no source. */
export function printLoc(loc: Loc): string {
  if (loc.file === '') return 'loc(unknown)';
  return `loc("${loc.file.replace(/\\/g, '\\\\').replace(/"/g, '\\22')}":${loc.line}:${loc.col})`;
}

/** Names for one top-level op and everything inside it. */
class FunctionScope {
  private readonly names = new Map<Value, string>();
  private readonly labels = new Map<Block, string>();
  /** One op printer per nesting depth, shared by the ops at that depth. */
  private readonly printers: OpPrinter[] = [];
  private nextResult = 0;
  private nextArg = 0;

  constructor(
    private readonly out: string[],
    private readonly options: PrintOptions,
  ) {}

  private name(v: Value): string {
    let n = this.names.get(v);
    if (n === undefined) {
      // A result is named where it is defined; reaching here means a use the verifier rejects.
      n = v.def === 'arg' ? `%arg${this.nextArg++}` : '%<<undefined>>';
      if (v.def === 'arg') this.names.set(v, n);
    }
    return n;
  }

  printOp(op: Operation, depth: number): void {
    const indent = '  '.repeat(depth);
    let head = indent;
    if (op.results.length > 0) {
      const base = `%${this.nextResult++}`;
      if (op.results.length === 1) this.names.set(op.results[0]!, base);
      else op.results.forEach((r, i) => this.names.set(r, `${base}#${i}`));
      head += op.results.length === 1 ? `${base} = ` : `${base}:${op.results.length} = `;
    }
    this.out.push(`${head}${op.name}`);
    const spec = opsByName.get(op.name);
    const printer = this.opPrinter(depth);
    if (spec === undefined) this.out.push(' <<unknown op>>');
    else if ('print' in spec.form) spec.form.print(op, printer);
    else printForm(spec.form, op, printer);
    this.out.push(this.options.debugInfo === true ? ` ${printLoc(op.loc)}\n` : '\n');
  }

  private opPrinter(depth: number): OpPrinter {
    return (this.printers[depth] ??= this.makeOpPrinter(depth));
  }

  private makeOpPrinter(depth: number): OpPrinter {
    const out = this.out;
    return {
      text: (s) => void out.push(s),
      value: (v) => void out.push(this.name(v)),
      values: (vs) => void out.push(vs.map((v) => this.name(v)).join(', ')),
      type: (t) => void out.push(printType(t)),
      types: (ts) => void out.push(ts.map(printType).join(', ')),
      region: (r, entryArgsShown) => this.printRegion(r, depth, entryArgsShown),
      successor: (s) => void out.push(this.successor(s)),
    };
  }

  private successor(s: Successor): string {
    const label = this.labels.get(s.block) ?? '^<<unknown block>>';
    if (s.args.length === 0) return label;
    return `${label}(${s.args.map((v) => this.name(v)).join(', ')} : ${s.args.map((v) => printType(v.type)).join(', ')})`;
  }

  private printRegion(r: Region, depth: number, entryArgsShown: boolean): void {
    r.blocks.forEach((b, i) => this.labels.set(b, `^bb${i}`));
    this.out.push('{\n');
    const indent = '  '.repeat(depth);
    r.blocks.forEach((b, i) => {
      const showLabel = i > 0 || (!entryArgsShown && b.args.length > 0);
      if (showLabel) {
        const args = b.args.map((a) => `${this.name(a)}: ${printType(a.type as MlirType)}`).join(', ');
        this.out.push(`${indent}^bb${i}${args === '' ? '' : `(${args})`}:\n`);
      }
      for (const op of b.ops) this.printOp(op, depth + 1);
    });
    this.out.push(`${indent}}`);
  }
}

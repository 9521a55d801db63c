/**
 * The IR verifier: checks a module before it is printed or run, as MLIR's verifier does.
 *
 * It checks, for every op: that the op table knows it; its operand, result, region and successor
 * counts and its attributes; that each operand is defined before the use (earlier in the block,
 * in a dominating block of the same region, in an enclosing block, or as a block argument); the
 * op's own type rules from the table (which include calls agreeing with the callee's declaration);
 * that every block ends in a terminator allowed in its parent; and that symbols are unique.
 * Failures are values, each naming the op and its source location.
 */
import { formatLoc, type Block, type Loc, type Module, type Operation, type Region, type Value } from './ir.js';
import { arityAccepts, describeArity, opsByName, type VerifyContext } from './ops.js';
import { typesEqual } from './syntax.js';
import { printType } from './types.js';

/** One verifier finding. */
export interface VerifyFailure {
  /** The op the failure is about (`llvm.call`). */
  readonly op: string;
  /** Where that op came from in the source. */
  readonly loc: Loc;
  /** What is wrong, as a sentence about the op. */
  readonly problem: string;
  /** The whole report: `file.fs(l,c): 'op' op problem`. */
  readonly message: string;
}

const TOP_LEVEL = new Set(['func.func', 'llvm.func', 'llvm.mlir.global']);

/** Verify a module; an empty list means it is well formed. */
export function verifyModule(m: Module): VerifyFailure[] {
  const failures: VerifyFailure[] = [];
  const report = (op: Operation, problem: string): void => {
    failures.push({ op: op.name, loc: op.loc, problem, message: `${formatLoc(op.loc)}: '${op.name}' op ${problem}` });
  };
  const symbols = new Map<string, Operation>();
  for (const op of m.ops) {
    const name = op.attributes['sym_name'];
    if (opsByName.get(op.name)?.symbol !== true || name?.kind !== 'string') continue;
    const earlier = symbols.get(name.value);
    if (earlier !== undefined) report(op, `redefines @${name.value}, already defined at ${formatLoc(earlier.loc)}`);
    else symbols.set(name.value, op);
  }
  const verifier = new Verifier((name) => symbols.get(name), report);
  for (const op of m.ops) {
    if (!TOP_LEVEL.has(op.name)) report(op, 'cannot appear at the top level of a module (only functions and globals can)');
    verifier.op(op, undefined, 0, new Set());
  }
  return failures;
}

class Verifier {
  constructor(
    private readonly lookup: (name: string) => Operation | undefined,
    private readonly report: (op: Operation, problem: string) => void,
  ) {}

  /** Verify `op`, which sits in region `regionIndex` of `parent`, where `visible` values may be used. */
  op(op: Operation, parent: Operation | undefined, regionIndex: number, visible: ReadonlySet<Value>, region?: Region): void {
    const spec = opsByName.get(op.name);
    if (spec === undefined) {
      this.report(op, 'is not an op the compiler knows');
      return;
    }
    const counts: [string, Parameters<typeof arityAccepts>[0], number][] = [
      ['operands', spec.operands, op.operands.length],
      ['results', spec.results, op.results.length],
      ['regions', spec.regions ?? 0, op.regions.length],
      ['successors', spec.successors ?? 0, op.successors.length],
    ];
    for (const [what, arity, n] of counts) if (!arityAccepts(arity, n)) this.report(op, `expects ${describeArity(arity)} ${what} but has ${n}`);
    const attrs = spec.attrs ?? {};
    for (const [key, want] of Object.entries(attrs)) {
      const a = op.attributes[key];
      if (a === undefined && want.optional !== true) this.report(op, `needs the attribute '${key}'`);
      else if (a !== undefined && a.kind !== want.kind) this.report(op, `attribute '${key}' must be a ${want.kind} attribute, not ${a.kind}`);
    }
    for (const key of Object.keys(op.attributes)) if (!(key in attrs)) this.report(op, `has an unknown attribute '${key}'`);
    op.operands.forEach((v, i) => {
      if (!visible.has(v)) this.report(op, `uses operand #${i} (${printType(v.type)}) where it is not defined: a value must be defined before its use, in this block, a dominating block or an enclosing one`);
    });
    for (const s of op.successors) {
      if (region === undefined || !region.blocks.includes(s.block) || s.block === region.blocks[0]) {
        this.report(op, 'branches to a block that is not a non-entry block of its own region');
      }
      s.args.forEach((v) => {
        if (!visible.has(v)) this.report(op, 'passes a value to a block where that value is not defined');
      });
      const want = s.block.args.map((a) => a.type);
      const got = s.args.map((a) => a.type);
      if (!typesEqual(want, got)) this.report(op, `passes (${got.map(printType).join(', ')}) to a block that takes (${want.map(printType).join(', ')})`);
    }
    const ctx: VerifyContext = { lookup: this.lookup, parent, regionIndex };
    for (const problem of spec.verify?.(op, ctx) ?? []) this.report(op, problem);
    op.regions.forEach((r, i) => this.region(r, op, i, spec.isolated === true ? new Set() : visible));
  }

  private region(r: Region, owner: Operation, index: number, outer: ReadonlySet<Value>): void {
    const doms = dominators(r);
    const defs = new Map(r.blocks.map((b) => [b, definedIn(b)] as const));
    for (const b of r.blocks) {
      const visible = new Set(outer);
      for (const d of doms.get(b) ?? []) if (d !== b) for (const v of defs.get(d) ?? []) visible.add(v);
      b.args.forEach((a) => visible.add(a));
      b.ops.forEach((op, i) => {
        this.op(op, owner, index, visible, r);
        op.results.forEach((v) => visible.add(v));
        this.placement(op, owner, i === b.ops.length - 1);
      });
      const last = b.ops[b.ops.length - 1];
      if (last === undefined) this.report(owner, `has an empty block in region #${index}; every block must end in a terminator`);
      else if (opsByName.get(last.name)?.terminator === undefined) {
        this.report(owner, `has a block in region #${index} that does not end in a terminator: its last op is '${last.name}' at ${formatLoc(last.loc)}`);
      }
    }
  }

  /** Terminators only last in a block, and only in the ops they may end. */
  private placement(op: Operation, owner: Operation, isLast: boolean): void {
    const term = opsByName.get(op.name)?.terminator;
    if (term === undefined) return;
    if (!isLast) this.report(op, 'is a terminator but is not the last op of its block');
    if (term.parents !== undefined && !term.parents.includes(owner.name)) this.report(op, `cannot end a block of '${owner.name}' (only of ${term.parents.map((p) => `'${p}'`).join(', ')})`);
  }
}

/** Block arguments and the results of the block's own ops (not of ops nested in their regions). */
function definedIn(b: Block): Value[] {
  return [...b.args, ...b.ops.flatMap((op) => op.results)];
}

/** The dominator sets of a region's blocks (the classic iterative data-flow solution). */
function dominators(r: Region): Map<Block, Set<Block>> {
  const doms = new Map<Block, Set<Block>>();
  const entry = r.blocks[0];
  if (entry === undefined) return doms;
  const preds = new Map<Block, Block[]>(r.blocks.map((b) => [b, []]));
  for (const b of r.blocks) {
    const last = b.ops[b.ops.length - 1];
    for (const s of last?.successors ?? []) preds.get(s.block)?.push(b);
  }
  for (const b of r.blocks) doms.set(b, b === entry ? new Set([entry]) : new Set(r.blocks));
  let changed = true;
  while (changed) {
    changed = false;
    for (const b of r.blocks) {
      if (b === entry) continue;
      const ps = preds.get(b) ?? [];
      const next = new Set<Block>(ps.length === 0 ? [entry] : [...doms.get(ps[0]!)!].filter((d) => ps.every((p) => doms.get(p)!.has(d))));
      next.add(b);
      if (next.size !== doms.get(b)!.size) {
        doms.set(b, next);
        changed = true;
      }
    }
  }
  return doms;
}

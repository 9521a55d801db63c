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
import { dominance, type Dominance } from './dominance.js';
import { arityAccepts, describeArity, opsByName, type OpSpec, type VerifyContext } from './ops.js';
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

type Arity = Parameters<typeof arityAccepts>[0];
type AttrSpec = NonNullable<OpSpec['attrs']>[string];

/** Each op's attribute specs as a list, computed once per op kind rather than once per op. */
const attributeSpecCache = new Map<OpSpec, readonly (readonly [string, AttrSpec])[]>();
function attributeSpecs(spec: OpSpec): readonly (readonly [string, AttrSpec])[] {
  let entries = attributeSpecCache.get(spec);
  if (entries === undefined) {
    entries = Object.entries(spec.attrs ?? {});
    attributeSpecCache.set(spec, entries);
  }
  return entries;
}

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
    verifier.op(op, undefined, 0);
  }
  return failures;
}

/** Where a value is defined: a block of a region, and its position there (-1 for a block argument). */
interface Definition {
  readonly region: Region;
  readonly block: Block;
  readonly index: number;
}

/** A region being walked: its dominance, its blocks, and the position of the op being verified in it. */
interface Frame {
  readonly dominance: Dominance;
  readonly blocks: ReadonlySet<Block>;
  block: Block | undefined;
  index: number;
}

/**
 * Walks ops in order. A value is visible at a use when its region is one being walked (an
 * enclosing one, not across an isolated op) and its definition dominates the use's position in that
 * region: an earlier op or an argument of the same block, or a dominating block. Each check is a
 * few lookups, so verifying is linear in the size of the module.
 */
class Verifier {
  private readonly definitions = new Map<Value, Definition>();
  /** The regions being walked, innermost last in insertion order; replaced for an isolated op's regions. */
  private frames = new Map<Region, Frame>();

  constructor(
    private readonly lookup: (name: string) => Operation | undefined,
    private readonly report: (op: Operation, problem: string) => void,
  ) {}

  /** Whether `v` may be used by the op being verified. */
  private visible(v: Value): boolean {
    const def = this.definitions.get(v);
    if (def === undefined) return false;
    const at = this.frames.get(def.region);
    if (at === undefined || at.block === undefined) return false;
    return def.block === at.block ? def.index < at.index : at.dominance.dominates(def.block, at.block);
  }

  /** Verify `op`, which sits in region `regionIndex` of `parent` (and in `region`, when it is in one). */
  op(op: Operation, parent: Operation | undefined, regionIndex: number, region?: Region): void {
    const spec = opsByName.get(op.name);
    if (spec === undefined) {
      this.report(op, 'is not an op the compiler knows');
      return;
    }
    this.count(op, 'operands', spec.operands, op.operands.length);
    this.count(op, 'results', spec.results, op.results.length);
    this.count(op, 'regions', spec.regions ?? 0, op.regions.length);
    this.count(op, 'successors', spec.successors ?? 0, op.successors.length);
    const attrs = spec.attrs ?? {};
    for (const [key, want] of attributeSpecs(spec)) {
      const a = op.attributes[key];
      if (a === undefined && want.optional !== true) this.report(op, `needs the attribute '${key}'`);
      else if (a !== undefined && a.kind !== want.kind) this.report(op, `attribute '${key}' must be a ${want.kind} attribute, not ${a.kind}`);
    }
    for (const key of Object.keys(op.attributes)) if (!(key in attrs)) this.report(op, `has an unknown attribute '${key}'`);
    op.operands.forEach((v, i) => {
      if (!this.visible(v)) this.report(op, `uses operand #${i} (${printType(v.type)}) where it is not defined: a value must be defined before its use, in this block, a dominating block or an enclosing one`);
    });
    const frame = region === undefined ? undefined : this.frames.get(region);
    for (const s of op.successors) {
      if (frame === undefined || !frame.blocks.has(s.block) || s.block === region?.blocks[0]) {
        this.report(op, 'branches to a block that is not a non-entry block of its own region');
      }
      s.args.forEach((v) => {
        if (!this.visible(v)) this.report(op, 'passes a value to a block where that value is not defined');
      });
      const want = s.block.args.map((a) => a.type);
      const got = s.args.map((a) => a.type);
      if (!typesEqual(want, got)) this.report(op, `passes (${got.map(printType).join(', ')}) to a block that takes (${want.map(printType).join(', ')})`);
    }
    const ctx: VerifyContext = { lookup: this.lookup, parent, regionIndex };
    for (const problem of spec.verify?.(op, ctx) ?? []) this.report(op, problem);
    if (op.regions.length === 0) return;
    const outer = this.frames;
    if (spec.isolated === true) this.frames = new Map();
    op.regions.forEach((r, i) => this.region(r, op, i));
    this.frames = outer;
  }

  private region(r: Region, owner: Operation, index: number): void {
    for (const b of r.blocks) {
      b.args.forEach((a) => this.definitions.set(a, { region: r, block: b, index: -1 }));
      b.ops.forEach((op, i) => op.results.forEach((v) => this.definitions.set(v, { region: r, block: b, index: i })));
    }
    const frame: Frame = { dominance: dominance(r), blocks: new Set(r.blocks), block: undefined, index: 0 };
    this.frames.set(r, frame);
    for (const b of r.blocks) {
      frame.block = b;
      b.ops.forEach((op, i) => {
        frame.index = i;
        this.op(op, owner, index, r);
        this.placement(op, owner, i === b.ops.length - 1);
      });
      const last = b.ops[b.ops.length - 1];
      if (last === undefined) this.report(owner, `has an empty block in region #${index}; every block must end in a terminator`);
      else if (opsByName.get(last.name)?.terminator === undefined) {
        this.report(owner, `has a block in region #${index} that does not end in a terminator: its last op is '${last.name}' at ${formatLoc(last.loc)}`);
      }
    }
    this.frames.delete(r);
  }

  private count(op: Operation, what: string, arity: Arity, n: number): void {
    if (!arityAccepts(arity, n)) this.report(op, `expects ${describeArity(arity)} ${what} but has ${n}`);
  }

  /** Terminators only last in a block, and only in the ops they may end. */
  private placement(op: Operation, owner: Operation, isLast: boolean): void {
    const term = opsByName.get(op.name)?.terminator;
    if (term === undefined) return;
    if (!isLast) this.report(op, 'is a terminator but is not the last op of its block');
    if (term.parents !== undefined && !term.parents.includes(owner.name)) this.report(op, `cannot end a block of '${owner.name}' (only of ${term.parents.map((p) => `'${p}'`).join(', ')})`);
  }
}

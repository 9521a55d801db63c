/**
 * The IR verifier: checks a module before it is printed or run, as MLIR's verifier does.
 *
 * It checks, for every op: that the op table knows it; its operand, result, region and successor
 * counts and its attributes; that each operand is defined before the use (earlier in the block,
 * in a dominating block of the same region, in an enclosing block, or as a block argument); the
 * op's own type rules from the table, then those that read other symbols (calls agreeing with the
 * callee's declaration); that every block ends in a terminator allowed in its parent; and that
 * symbols are unique. Failures are values, each naming the op and its source location.
 * `verifyStream.ts` runs the same checks on a module as it is built.
 */
import { formatLoc, noAttributes, type Attributes, type Block, type Loc, type Module, type Operation, type Region, type Value } from './ir.js';
import { dominance, type Dominance } from './dominance.js';
import { attributesFit, fits, kindOf, type OpKind } from './opKinds.js';
import { FAR, OpenBlocks } from './openBlocks.js';
import { describeArity, type OpSpec, type SymbolLookup, type SymbolRule, type VerifyContext } from './ops.js';
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

/** The failure `problem` of `op`. */
export const failure = (op: Operation, problem: string): VerifyFailure =>
  ({ op: op.name, loc: op.loc, problem, message: `${formatLoc(op.loc)}: '${op.name}' op ${problem}` });

/** Where a walk sends a problem it finds with an op. */
export type Report = (op: Operation, problem: string) => void;

/** Verify a module; an empty list means it is well formed. */
export function verifyModule(m: Module): VerifyFailure[] {
  const failures: VerifyFailure[] = [];
  const report: Report = (op, problem) => { failures.push(failure(op, problem)); };
  const symbols = symbolTable(m.ops, report);
  const verifier = new Verifier(report, checkingWith((name) => symbols.get(name), report));
  for (const op of m.ops) verifier.topLevel(op);
  return failures;
}

/** The symbol-defining ops of `ops` by name; an op naming a symbol defined before it is reported. */
export function symbolTable(ops: readonly Operation[], report: Report): Map<string, Operation> {
  const symbols = new Map<string, Operation>();
  for (const op of ops) {
    const name = op.attributes['sym_name'];
    if (kindOf(op)?.symbol !== true || name?.kind !== 'string') continue;
    const earlier = symbols.get(name.value);
    if (earlier !== undefined) report(op, `redefines @${name.value}, already defined at ${formatLoc(earlier.loc)}`);
    else symbols.set(name.value, op);
  }
  return symbols;
}

/** How a walk checks an op's symbol rule: at once, against `lookup`, reporting what it finds. */
export const checkingWith = (lookup: SymbolLookup, report: Report) => (op: Operation, rule: SymbolRule): void => {
  const problems = rule(op, lookup);
  for (let i = 0; i < problems.length; i++) report(op, problems[i]!);
};

const TOP_LEVEL = new Set(['func.func', 'llvm.func', 'llvm.mlir.global']);

/**
 * A region of several blocks being walked (a `cf` control flow graph): its dominance, the block
 * each of its own values is defined in, and the block being verified.
 */
interface Cfg {
  readonly entry: Block;
  readonly blocks: ReadonlySet<Block>;
  readonly dominance: Dominance;
  readonly definedIn: ReadonlyMap<Value, Block>;
  current: Block;
}

/**
 * Walks the top-level ops of a module one by one, and the ops inside them in order, keeping the
 * blocks it is inside; problems go to `report`, and symbol rules to `checkSymbols`. A value is visible when it was defined
 * earlier in an open block (the structured, `scf` case) or, across the blocks of a region with
 * several, in a block that dominates the one being walked. A use is first looked for among the few
 * ops before the walk's position in each open block (`OpenBlocks.findNearby`), which finds most
 * (a block argument, among the arguments of the open blocks alone: `findArgument`); otherwise in a table from values to the open block defining them (by its serial, so that a
 * block left since is not taken for the one now at its depth). A value found further back (up to
 * `FAR` ops) enters the table alone; past that, the table is filled with every value of the open
 * blocks up to the walk's position (so each value enters it at most once). An isolated op (a
 * function) hides the blocks around it.
 */
export class Verifier {
  /** The blocks being walked; those outside the current isolated op are below the floor. */
  private readonly open = new OpenBlocks();
  /** The block defining each value the table holds so far, by its serial in `open`. */
  private readonly definedIn = new Map<Value, number>();
  /** The multi-block regions being walked, innermost last; those outside the current isolated op are below `cfgFloor`. */
  private readonly cfgs: Cfg[] = [];
  private cfgFloor = 0;
  /**
   * Attribute records found to fit an op kind, with that kind. A record is immutable, and most are
   * shared by many ops (`sharedAttributes.ts`: one per constant value, callee, field position), so
   * each is looked over once. A symbol's record is its own, and would only fill the map.
   */
  private readonly fitting = new Map<Attributes, OpKind>();
  private readonly ctx: { -readonly [K in keyof VerifyContext]: VerifyContext[K] };

  constructor(
    private readonly report: Report,
    /** Checks an op's symbol rule (at once, or later when its symbol is not defined yet). */
    private readonly checkSymbols: (op: Operation, rule: SymbolRule) => void,
  ) {
    this.ctx = { parent: undefined, regionIndex: 0 };
  }

  /** Verify `op`, an op at the top level of a module. */
  topLevel(op: Operation): void {
    if (!TOP_LEVEL.has(op.name)) this.report(op, 'cannot appear at the top level of a module (only functions and globals can)');
    // The table holds values of the blocks walked so far, all closed: forget them, so that they can
    // be collected. Most functions leave it empty, and clearing an empty map still allocates.
    if (this.definedIn.size > 0) this.definedIn.clear();
    this.op(op, undefined, 0, undefined);
  }

  /** Whether `v` may be used by the op being verified. */
  private visible(v: Value): boolean {
    const open = this.open;
    if (v.def === 'arg' ? open.findArgument(v) : open.findNearby(v)) return true;
    if (this.inTable(v)) return true;
    if (open.findFar(v, FAR)) {
      this.definedIn.set(v, open.stack[open.foundDepth]!.serial);
      return true;
    }
    this.indexOpenBlocks();
    if (this.inTable(v)) return true;
    for (let i = this.cfgs.length - 1; i >= this.cfgFloor; i--) {
      const cfg = this.cfgs[i]!;
      const block = cfg.definedIn.get(v);
      // Defined in this region: a definition earlier in the current block was found above.
      if (block !== undefined) return block !== cfg.current && cfg.dominance.dominates(block, cfg.current);
    }
    return false;
  }

  /** Whether the table has `v` defined in a block still open, and not hidden. */
  private inTable(v: Value): boolean {
    const where = this.definedIn.get(v);
    return where !== undefined && this.open.depthOf(where) >= this.open.floor;
  }

  /** Bring the table up to the walk's position in every open block. */
  private indexOpenBlocks(): void {
    const stack = this.open.stack;
    for (let i = this.open.floor; i < this.open.size; i++) {
      const open = stack[i]!;
      const { args, ops } = open.block;
      if (open.indexed < 0) {
        for (let k = 0; k < args.length; k++) this.definedIn.set(args[k]!, open.serial);
        open.indexed = 0;
      }
      for (; open.indexed < open.at; open.indexed++) {
        const results = ops[open.indexed]!.results;
        for (let k = 0; k < results.length; k++) this.definedIn.set(results[k]!, open.serial);
      }
    }
  }

  /**
   * Verify `op`, which sits in region `regionIndex` of `parent`; `cfg` is that region's when it has
   * several blocks. Returns the op's kind, if the table knows it.
   */
  private op(op: Operation, parent: Operation | undefined, regionIndex: number, cfg: Cfg | undefined): OpKind | undefined {
    const kind = kindOf(op);
    if (kind === undefined) {
      this.report(op, 'is not an op the compiler knows');
      return undefined;
    }
    const { operands, results, regions, successors, attributes } = op;
    if (!fits(operands.length, kind.minOperands, kind.maxOperands)) this.miscount(op, 'operands', kind.spec.operands, operands.length);
    if (!fits(results.length, kind.minResults, kind.maxResults)) this.miscount(op, 'results', kind.spec.results, results.length);
    if (regions.length !== kind.regions) this.miscount(op, 'regions', kind.regions, regions.length);
    if (successors.length !== kind.successors) this.miscount(op, 'successors', kind.successors, successors.length);
    if (attributes === noAttributes) {
      if (kind.required !== 0) this.attributes(op, kind);
    } else if (this.fitting.get(attributes) !== kind) {
      if (!attributesFit(kind, attributes)) this.attributes(op, kind);
      else if (!kind.symbol) this.fitting.set(attributes, kind);
    }
    for (let i = 0; i < operands.length; i++) {
      const v = operands[i]!;
      if (!this.visible(v)) this.report(op, `uses operand #${i} (${printType(v.type)}) where it is not defined: a value must be defined before its use, in this block, a dominating block or an enclosing one`);
    }
    if (successors.length > 0) this.successors(op, cfg);
    const rules = kind.rules;
    if (rules.length > 0) {
      const ctx = this.ctx;
      ctx.parent = parent;
      ctx.regionIndex = regionIndex;
      for (let r = 0; r < rules.length; r++) {
        const problems = rules[r]!(op, ctx);
        for (let i = 0; i < problems.length; i++) this.report(op, problems[i]!);
      }
    }
    if (kind.verifySymbols !== undefined) this.checkSymbols(op, kind.verifySymbols);
    if (regions.length > 0) this.regions(op, kind.isolated);
    return kind;
  }

  /** Report what is wrong with `op`'s attributes: missing or mistyped ones in the table's order, then unknown ones. */
  private attributes(op: Operation, kind: OpKind): void {
    for (const [key, want] of kind.attrs) {
      const a = op.attributes[key];
      if (a === undefined) {
        if (want.optional !== true) this.report(op, `needs the attribute '${key}'`);
      } else if (a.kind !== want.kind) this.report(op, `attribute '${key}' must be a ${want.kind} attribute, not ${a.kind}`);
    }
    for (const key of Object.keys(op.attributes)) if (!kind.attrs.has(key)) this.report(op, `has an unknown attribute '${key}'`);
  }

  private successors(op: Operation, cfg: Cfg | undefined): void {
    for (const s of op.successors) {
      if (cfg === undefined || !cfg.blocks.has(s.block) || s.block === cfg.entry) {
        this.report(op, 'branches to a block that is not a non-entry block of its own region');
      }
      for (const v of s.args) if (!this.visible(v)) this.report(op, 'passes a value to a block where that value is not defined');
      const want = s.block.args.map((a) => a.type);
      const got = s.args.map((a) => a.type);
      if (!typesEqual(want, got)) this.report(op, `passes (${got.map(printType).join(', ')}) to a block that takes (${want.map(printType).join(', ')})`);
    }
  }

  private regions(op: Operation, isolated: boolean): void {
    const floor = this.open.floor;
    const cfgFloor = this.cfgFloor;
    if (isolated) {
      this.open.floor = this.open.size;
      this.cfgFloor = this.cfgs.length;
    }
    for (let i = 0; i < op.regions.length; i++) this.region(op.regions[i]!, op, i);
    this.open.floor = floor;
    this.cfgFloor = cfgFloor;
  }

  private region(r: Region, owner: Operation, index: number): void {
    const blocks = r.blocks;
    if (blocks.length === 1) {
      this.block(blocks[0]!, owner, index, undefined);
      return;
    }
    if (blocks.length === 0) return;
    const cfg = this.cfg(r);
    this.cfgs.push(cfg);
    for (const b of blocks) {
      cfg.current = b;
      this.block(b, owner, index, cfg);
    }
    this.cfgs.pop();
  }

  private cfg(r: Region): Cfg {
    const definedIn = new Map<Value, Block>();
    for (const b of r.blocks) {
      for (const a of b.args) definedIn.set(a, b);
      for (const op of b.ops) for (const v of op.results) definedIn.set(v, b);
    }
    return { entry: r.blocks[0]!, blocks: new Set(r.blocks), dominance: dominance(r), definedIn, current: r.blocks[0]! };
  }

  private block(b: Block, owner: Operation, index: number, cfg: Cfg | undefined): void {
    const open = this.open.enter(b);
    const ops = b.ops;
    let lastKind: OpKind | undefined;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      open.at = i;
      lastKind = this.op(op, owner, index, cfg);
      if (lastKind?.isTerminator === true) this.placement(op, lastKind.parents, owner, i === ops.length - 1);
    }
    this.open.leave();
    const last = ops[ops.length - 1];
    if (last === undefined) this.report(owner, `has an empty block in region #${index}; every block must end in a terminator`);
    else if (lastKind?.isTerminator !== true) {
      this.report(owner, `has a block in region #${index} that does not end in a terminator: its last op is '${last.name}' at ${formatLoc(last.loc)}`);
    }
  }

  private miscount(op: Operation, what: string, arity: OpSpec['operands'], n: number): void {
    this.report(op, `expects ${describeArity(arity)} ${what} but has ${n}`);
  }

  /** Terminators only last in a block, and only in the ops they may end. */
  private placement(op: Operation, parents: readonly string[] | undefined, owner: Operation, isLast: boolean): void {
    if (!isLast) this.report(op, 'is a terminator but is not the last op of its block');
    if (parents !== undefined && !isOneOf(owner.name, parents)) this.report(op, `cannot end a block of '${owner.name}' (only of ${parents.map((p) => `'${p}'`).join(', ')})`);
  }
}

/** Whether `name` is one of `names`, a list of one or two: a loop costs less than calling `includes`. */
function isOneOf(name: string, names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) if (names[i] === name) return true;
  return false;
}

/**
 * Compiles a verified MLIR module to JavaScript source that V8 can optimise: one JS function per
 * function with a body, SSA values as JS `const`s, `scf.if`/`scf.while` as `if`/`for (;;)`, and
 * the blocks of an unstructured (`cf`) function as a `switch` inside a labelled loop, with the
 * values that cross blocks hoisted to `let`s. What each op becomes is in opTable.ts; this file
 * names values, lays out blocks and regions, and collects the constants the code refers to. Each
 * function's access plan (accessPlan.ts: promoted stack cells, GEPs fused into their access,
 * aggregates updated in place) is computed here and consulted by the op table.
 *
 * The source is the body of a factory `(H, K, rt) => exports`: `H` the helpers, `K` the
 * compile-time constants, `rt` one run's bindings (memory, the service caller). The factory is
 * built once per module and called once per run, so string globals get fresh static allocations.
 */
import { formatLoc, getAttr, type Block, type Module, type Operation, type Region, type Successor, type Value } from '../../compiler/alex/ir/ir.js';
import { buildCallGraph, describeSymbol, jsName, type CallGraph, type FunctionInfo } from './callGraph.js';
import { planAccess, type AccessPlan } from './accessPlan.js';
import type { Callee, FnEmitter, FusedAddress, YieldHandler } from './emitter.js';
import { invalidatesWindows, planWindows, windowBytes, type LoopWindow, type OpenWindow } from './loopWindows.js';
import { MODULE_LEVEL_OPS, opTable } from './opTable.js';
import { SCALAR_HELPERS } from './scalarAccess.js';

/** Names the helpers (helpers.ts) and run bindings the generated code uses. */
const scalarHelpers = [...new Set(Object.values(SCALAR_HELPERS).flatMap((h) => [h.load, h.store, h.loadAt, h.storeAt]))];
const PRELUDE = [
  '"use strict";',
  'const { P, NULL, loadAggregate, storeAggregate, insert1, insertAt, divsi, divui, divsi64, divui64, unreachable } = H;',
  `const { ${scalarHelpers.join(', ')}, readWindow, writeWindow } = H;`,
  'const { M, call, alloca } = rt;',
];

/** A module compiled to JS source, ready to be instantiated per run. */
export interface CompiledModule {
  /** The factory body (readable; dump it to debug). */
  readonly source: string;
  /** The values `K[i]` the source refers to. */
  readonly constants: readonly unknown[];
  readonly callGraph: CallGraph;
}

/** Module-wide state: the constant pool and the JS names in use. */
class ModuleState {
  readonly constants: unknown[] = [];
  readonly declarations: string[] = [];
  readonly taken = new Set<string>(['H', 'K', 'rt', 'P', 'NULL', 'M', 'call', 'alloca', 'readWindow', 'writeWindow', ...scalarHelpers]);
  private readonly locs = new Map<string, string>();
  private readonly sites = new Map<string, string>();
  readonly globals = new Map<string, string>();

  constant(value: unknown, hint: string): string {
    const name = jsName(hint, String(this.constants.length), this.taken);
    this.declarations.push(`const ${name} = K[${this.constants.length}];`);
    this.constants.push(value);
    return name;
  }

  /** One constant per distinct location text. */
  loc(op: Operation): string {
    if (op.loc.file === '') return 'undefined';
    const text = formatLoc(op.loc);
    let name = this.locs.get(text);
    if (name === undefined) {
      name = jsName('loc', String(this.locs.size), this.taken);
      this.declarations.push(`const ${name} = ${JSON.stringify(text)};`);
      this.locs.set(text, name);
    }
    return name;
  }

  site(op: Operation, description: string): string {
    const location = op.loc.file === '' ? undefined : formatLoc(op.loc);
    const key = `${description}\u0000${location ?? ''}`;
    let name = this.sites.get(key);
    if (name === undefined) {
      name = this.constant(Object.freeze(location === undefined ? { description } : { description, location }), 'site');
      this.sites.set(key, name);
    }
    return name;
  }
}

/** Compiles the module. Throws an internal Error for IR the interpreter cannot compile (a bug). */
export function compileModule(m: Module): CompiledModule {
  const state = new ModuleState();
  const graph = buildCallGraph(m, state.taken);
  const serviceNames = new Map<string, string>();
  for (const [symbol, service] of graph.services) serviceNames.set(symbol, state.constant(service, `svc_${symbol.replace(/[^A-Za-z0-9_]/g, '_')}`));
  for (const op of m.ops) {
    if (op.name !== 'llvm.mlir.global') continue;
    const symbol = getAttr(op, 'sym_name', 'string')!.value;
    const text = getAttr(op, 'value', 'string')?.value ?? '';
    const bytes = new TextEncoder().encode(text);
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    const name = jsName('g', symbol, state.taken);
    const b = state.constant(bytes, 'bytes');
    state.declarations.push(`const ${name} = M.staticBytes(${b}, ${JSON.stringify(`string literal @${symbol} ${JSON.stringify(shown)} (${bytes.length} bytes)`)});`);
    state.globals.set(symbol, name);
  }
  const functions = [...graph.functions.values()].map((info) => new FunctionCompiler(info, graph, state, serviceNames).compile());
  const exports = [...graph.functions.values()].map((f) => `  ${JSON.stringify(f.symbol)}: ${f.js},`);
  const source = [...PRELUDE, ...state.declarations, '', ...functions, `return {\n${exports.join('\n')}\n};`, ''].join('\n');
  return { source, constants: state.constants, callGraph: graph };
}

const pad = (n: number): string => '  '.repeat(n);

/** Compiles one function; implements the emitter interface the op table writes through. */
class FunctionCompiler implements FnEmitter {
  private readonly names = new Map<Value, string>();
  private readonly hoisted = new Set<Value>();
  private readonly out: string[] = [];
  private depth = 1;
  private counter = 0;
  private readonly yields: YieldHandler[] = [];
  private readonly blockIndex = new Map<Block, number>();
  private lastLoc = '';
  /** The location of the op being compiled, written after its first line (a line table for readers). */
  private pendingComment: string | undefined;
  readonly isAsync: boolean;
  private readonly plan: AccessPlan;
  private readonly addresses = new Map<Value, FusedAddress>();
  private readonly windows: ReadonlyMap<Operation, readonly LoopWindow[]>;
  /** The windows of the loops being emitted, innermost last. */
  private readonly open: OpenWindow[] = [];

  constructor(
    private readonly info: FunctionInfo,
    private readonly graph: CallGraph,
    private readonly state: ModuleState,
    private readonly services: ReadonlyMap<string, string>,
  ) {
    this.isAsync = info.isAsync;
    this.plan = planAccess(info.op);
    this.windows = planWindows(info.op, this.plan.fused);
  }

  compile(): string {
    const region = this.info.op.regions[0]!;
    const entry = region.blocks[0]!;
    const params = entry.args.map((a) => this.fresh(a));
    const header = `${this.isAsync ? 'async ' : ''}function ${this.info.js}(${params.join(', ')}) { // @${this.info.symbol} ${formatLoc(this.info.op.loc)}`;
    if (this.info.hasAlloca && this.plan.needsFrame) {
      this.line(`M.pushFrame(${JSON.stringify(this.info.symbol)});`);
      this.line('try {');
      this.indented(() => this.body(region));
      this.line('} finally {');
      this.line('  M.popFrame();');
      this.line('}');
    } else this.body(region);
    return [header, ...this.out, '}', ''].join('\n');
  }

  private body(region: Region): void {
    if (region.blocks.length === 1) return this.ops(region.blocks[0]!.ops);
    // Values of the function's own blocks may be used in later blocks: hoist them.
    region.blocks.forEach((b, i) => {
      this.blockIndex.set(b, i);
      if (i > 0) b.args.forEach((a) => this.hoist(a));
      for (const op of b.ops) op.results.forEach((r) => this.hoist(r));
    });
    const vars = [...this.hoisted].map((v) => this.names.get(v)!);
    for (let i = 0; i < vars.length; i += 16) this.line(`let ${vars.slice(i, i + 16).join(', ')};`);
    this.line('let bb = 0;');
    this.line('dispatch: for (;;) {');
    this.indented(() => {
      this.line('switch (bb) {');
      region.blocks.forEach((b, i) => {
        this.line(`case ${i}: {`);
        this.indented(() => this.ops(b.ops));
        this.line('}');
      });
      this.line('}');
    });
    this.line('}');
  }

  private ops(ops: readonly Operation[]): void {
    for (const op of ops) {
      const emit = opTable.get(op.name);
      if (emit === undefined) {
        const why = MODULE_LEVEL_OPS.has(op.name) ? 'it may only appear at the top level' : 'it is not in the op table';
        throw new Error(`internal error: cannot compile '${op.name}' at ${formatLoc(op.loc)}: ${why}`);
      }
      const where = formatLoc(op.loc);
      if (where !== this.lastLoc && op.loc.file !== '') {
        this.pendingComment = where;
        this.lastLoc = where;
      }
      emit(op, this);
      if (this.open.length > 0 && invalidatesWindows(op)) {
        for (const w of this.open) this.line(`${w.bytes} = ${windowBytes(w, this.v(w.base))};`);
      }
    }
  }

  private fresh(v: Value): string {
    const name = `v${this.counter++}`;
    this.names.set(v, name);
    return name;
  }

  private hoist(v: Value): void {
    this.fresh(v);
    this.hoisted.add(v);
  }

  // ---- FnEmitter ---------------------------------------------------------------------------------

  v(value: Value): string {
    const name = this.names.get(value);
    if (name === undefined) throw new Error(`internal error: a value of @${this.info.symbol} is used before the interpreter defined it`);
    return name;
  }

  def(value: Value, expr: string): void {
    if (this.hoisted.has(value)) this.line(`${this.names.get(value)} = ${expr};`);
    else this.line(`const ${this.fresh(value)} = ${expr};`);
  }

  declare(values: readonly Value[]): void {
    const fresh = values.filter((v) => !this.hoisted.has(v)).map((v) => this.fresh(v));
    if (fresh.length > 0) this.line(`let ${fresh.join(', ')};`);
  }

  alias(value: Value, as: string): void {
    if (this.hoisted.has(value)) this.line(`${this.names.get(value)} = ${as};`);
    else this.names.set(value, as);
  }

  temp(): string {
    return `t${this.counter++}`;
  }

  line(text: string): void {
    const comment = this.pendingComment === undefined ? '' : ` // ${this.pendingComment}`;
    this.pendingComment = undefined;
    this.out.push(pad(this.depth) + text + comment);
  }

  indented(body: () => void): void {
    this.depth++;
    try {
      body();
    } finally {
      this.depth--;
    }
  }

  constant(value: unknown, hint: string): string {
    return this.state.constant(value, hint);
  }

  loc(op: Operation): string {
    return this.state.loc(op);
  }

  site(op: Operation, description: string): string {
    return this.state.site(op, description);
  }

  global(symbol: string): string {
    const known = this.state.globals.get(symbol);
    if (known !== undefined) return known;
    // The address of a function: a pointer to an empty read-only allocation naming it (never called through).
    const name = jsName('addr', symbol, this.state.taken);
    this.state.declarations.push(`const ${name} = M.serviceBytes(new Uint8Array(0), ${JSON.stringify(`address of @${symbol}`)}, true);`);
    this.state.globals.set(symbol, name);
    return name;
  }

  callee(symbol: string): Callee {
    const r = this.graph.resolve(symbol);
    if (r.kind === 'function') return { kind: 'function', js: r.info.js, isAsync: r.info.isAsync };
    return { kind: 'service', js: this.services.get(symbol)!, service: r.service, description: describeSymbol(symbol) };
  }

  region(region: Region, args: readonly string[], onYield: YieldHandler): void {
    const block = region.blocks[0];
    if (block === undefined) return;
    block.args.forEach((a, i) => this.alias(a, args[i]!));
    this.yields.push(onYield);
    try {
      this.ops(block.ops);
    } finally {
      this.yields.pop();
    }
  }

  isPromoted(alloca: Operation): boolean {
    return this.plan.promoted.has(alloca);
  }

  isFused(gep: Operation): boolean {
    return this.plan.fused.has(gep);
  }

  isCell(pointer: Value): boolean {
    return this.plan.cells.has(pointer);
  }

  isInPlace(insert: Operation): boolean {
    return this.plan.inPlace.has(insert);
  }

  isFresh(undef: Operation): boolean {
    return this.plan.fresh.has(undef);
  }

  defCell(pointer: Value, zero: string): void {
    if (this.hoisted.has(pointer)) this.line(`${this.names.get(pointer)} = ${zero};`);
    else this.line(`let ${this.fresh(pointer)} = ${zero};`);
  }

  setAddress(pointer: Value, address: FusedAddress): void {
    this.addresses.set(pointer, address);
  }

  address(pointer: Value): FusedAddress | undefined {
    return this.addresses.get(pointer);
  }

  loopWindows(loop: Operation, body: () => void): void {
    const planned = this.windows.get(loop) ?? [];
    for (const w of planned) {
      const open = { ...w, bytes: `w${this.counter++}`, offset: `k${this.counter++}` };
      const base = this.v(w.base);
      this.line(`let ${open.bytes} = ${windowBytes(w, base)};`);
      this.line(`const ${open.offset} = ${base}.offset;`);
      this.open.push(open);
    }
    try {
      body();
    } finally {
      this.open.length -= planned.length;
    }
  }

  window(base: Value): OpenWindow | undefined {
    for (let i = this.open.length - 1; i >= 0; i--) if (this.open[i]!.base === base) return this.open[i];
    return undefined;
  }

  yieldOp(op: Operation): void {
    const handler = this.yields[this.yields.length - 1];
    if (handler === undefined) throw new Error(`internal error: '${op.name}' outside a structured op`);
    handler(op);
  }

  branch(s: Successor): void {
    const target = this.blockIndex.get(s.block);
    if (target === undefined) throw new Error('internal error: a branch to a block of another region');
    const targets = s.block.args.map((a) => this.names.get(a)!);
    const sources = s.args.map((v) => this.v(v));
    // Block arguments are assigned in parallel: copy first when a source is also a target.
    const clash = sources.length > 1 && sources.some((x) => targets.includes(x));
    const from = clash ? sources.map((x) => { const t = this.temp(); this.line(`const ${t} = ${x};`); return t; }) : sources;
    from.forEach((x, i) => this.line(`${targets[i]} = ${x};`));
    this.line(`bb = ${target};`);
    this.line('continue dispatch;');
  }
}

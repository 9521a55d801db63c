/**
 * Witnesses for names and scopes: paths (locals, stack slots of `let mutable`, top-level values,
 * intrinsic constants, record field chains), blocks with local `let`s, and assignment.
 *
 * Regions follow PRD A-04: a local `let r = Region.create n` is released when the block that bound
 * it ends, after the block's value is computed — the only exit of a block, since F# has no early
 * return. The release is `@fidelity_region_scope_exit`, which tolerates an explicit earlier release.
 */
import type { Binding, BlockItem, Expr, LocalLet } from '../../fncs/syntax/ast.js';
import { SUPPORT } from '../../intrinsics/table.js';
import type { Value } from '../ir/ir.js';
import { ptr } from '../ir/types.js';
import { DISCARD, type EnvEntry, type LValue, type Lowerer, type Witness } from './context.js';
import { bindLocalFunctions } from './functions.js';
import { callSupport } from './support.js';

type PathExpr = Extract<Expr, { kind: 'Path' }>;

/** Read what an environment entry holds now. */
export function readEntry(L: Lowerer, entry: EnvEntry, e: Expr): LValue {
  switch (entry.kind) {
    case 'value': return entry.value;
    case 'slot': return L.b.load(entry.ptr, entry.type, L.loc(e.span));
    case 'function': return L.fail(e.span, 'loweringUnsupported', [`The function '${entry.info.symbol.name}' used as a value (closures)`]);
  }
}

/**
 * Pure top-level initialisers (literals, arithmetic, other pure values) are inlined at each use.
 * `visiting` holds the values whose initialisers are being examined, so a cycle ends the walk
 * (as impure) instead of looping; a value met twice on different paths (`a + a`) is no cycle.
 */
function isPure(L: Lowerer, e: Expr, visiting: Set<Binding>): boolean {
  switch (e.kind) {
    case 'Literal': return true;
    case 'Path': {
      const r = L.program.resolutionOf(e);
      if (r.kind === 'intrinsic') return r.intrinsic.lowering.kind === 'constant';
      if (r.kind !== 'symbol' || r.symbol.kind !== 'topLevel') return false;
      const b = r.symbol.definition as Binding;
      return b.params.length === 0 && !b.mutable && isPureValue(L, b, visiting);
    }
    case 'Infix': return e.op !== '|>' && isPure(L, e.left, visiting) && isPure(L, e.right, visiting);
    case 'Prefix': return isPure(L, e.operand, visiting);
    case 'If': return isPure(L, e.cond, visiting) && isPure(L, e.then, visiting) && (e.otherwise === null || isPure(L, e.otherwise, visiting));
    case 'Record': return e.fields.every((f) => isPure(L, f.value, visiting));
    case 'App': {
      const r = e.fn.kind === 'Path' ? L.program.resolutionOf(e.fn) : null;
      return r?.kind === 'intrinsic' && r.intrinsic.lowering.kind === 'inline' && r.intrinsic.lowering.witness === 'convert' && e.args.every((a) => isPure(L, a, visiting));
    }
    default: return false;
  }
}

/**
 * Whether top-level value `b` is inlined at its uses: its initialiser is pure. Values are used
 * often, so this is answered once per lowering (and the set of values being examined made only then).
 */
function isPureValue(L: Lowerer, b: Binding, outer?: Set<Binding>): boolean {
  let pure = L.pureValues.get(b);
  if (pure === undefined) {
    const visiting = outer ?? new Set<Binding>();
    if (visiting.has(b)) return false;
    visiting.add(b);
    pure = isPure(L, b.body, visiting);
    visiting.delete(b);
    L.pureValues.set(b, pure);
  }
  return pure;
}

/** Apply a chain of record field accesses with one `llvm.extractvalue`. */
export function extractFields(L: Lowerer, v: LValue, fields: readonly { index: number }[], e: Expr): LValue {
  if (fields.length === 0 || v === null) return v;
  // One field is the common case: its position is a literal (a `map` would make a callback per access).
  const position = fields.length === 1 ? [fields[0]!.index] : fields.map(fieldIndex);
  return L.b.extractValue(v, position, L.loc(e.span));
}

const fieldIndex = (f: { index: number }): number => f.index;

export const path: Witness<PathExpr> = (L, e): LValue => {
  const r = L.program.resolutionOf(e);
  switch (r.kind) {
    case 'error': return L.fail(e.span, 'loweringUnsupported', ['An unresolved name']);
    case 'intrinsic': {
      if (r.intrinsic.lowering.kind !== 'constant') return L.fail(e.span, 'loweringUnsupported', [`The intrinsic '${r.intrinsic.name}' used as a value`]);
      return extractFields(L, L.constant(L.mlirType(r.type, e.span)!, r.intrinsic.lowering.value, L.loc(e.span)), r.fields, e);
    }
    case 'symbol': {
      const s = r.symbol;
      if (s.kind === 'topLevel') {
        const b = s.definition as Binding;
        if (b.params.length > 0) return L.fail(e.span, 'loweringUnsupported', [`The function '${s.name}' used as a value (closures)`]);
        if (!isPureValue(L, b)) return L.fail(b.span, 'loweringUnsupported', [`The top-level value '${s.name}' (its initialiser has effects; compute it in a function)`]);
        return extractFields(L, L.lower(b.body), r.fields, e);
      }
      const entry = L.fn.env.get(s.id);
      if (entry === undefined) throw new Error(`internal error: '${s.name}' (#${s.id}) has no value in the lowering environment`);
      return extractFields(L, readEntry(L, entry, e), r.fields, e);
    }
  }
};

/** Whether a `let` binds a region this scope owns: `let r = Region.create n`. */
function createsRegion(L: Lowerer, b: Binding): boolean {
  if (b.mutable || b.params.length > 0 || b.body.kind !== 'App' || b.body.fn.kind !== 'Path') return false;
  const r = L.program.resolutionOf(b.body.fn);
  return r.kind === 'intrinsic' && r.intrinsic.name === 'Region.create';
}

function bindLocal(L: Lowerer, item: LocalLet, regions: Value[]): void {
  let functions: Binding[] | undefined;
  for (const b of item.bindings) if (b.params.length > 0 && L.program.bindingInfo(b).isFunction) (functions ??= []).push(b);
  if (functions !== undefined) bindLocalFunctions(L, item, functions);
  for (const b of item.bindings) {
    if (functions?.includes(b) === true) continue;
    // A mutable's slot is made as its `let` is met, before its initialiser (see slots.ts); one whose
    // type has no MLIR form (unit) gets none, and holds no value.
    const slot = b.mutable ? L.fn.slots.slotOf(b) : undefined;
    if (slot !== undefined) {
      const value = L.lower(b.body);
      if (value !== null) L.b.store(value, slot.ptr, L.loc(b.span));
      L.fn.env.set(slot.symbolId, { kind: 'slot', ptr: slot.ptr, type: slot.type });
    } else {
      const id = L.program.bindingInfo(b).symbol.id;
      const value = L.lower(b.body);
      L.fn.env.set(id, { kind: 'value', value });
      // A region is a pointer: only a pointer's initialiser needs looking up again.
      if (value !== null && value.type === ptr && createsRegion(L, b)) regions.push(value);
    }
  }
}

export const block: Witness<Extract<Expr, { kind: 'Block' }>> = (L, e, want): LValue => {
  const regions: Value[] = [];
  let result: LValue = null;
  const items = e.items;
  for (let i = 0; i < items.length; i++) {
    const item: BlockItem = items[i]!;
    const last = i === items.length - 1;
    if (item.kind === 'LocalLet') bindLocal(L, item, regions);
    else result = L.lower(item, last ? want : DISCARD);
    if (!last) result = null;
  }
  for (let i = regions.length - 1; i >= 0; i--) callSupport(L, SUPPORT.regionScopeExit, [regions[i]!], L.loc(e.span));
  return result;
};

export const assign: Witness<Extract<Expr, { kind: 'Assign' }>> = (L, e): LValue => {
  if (e.target.kind !== 'Path') return L.fail(e.span, 'loweringUnsupported', ['Assignment to this kind of target']);
  const r = L.program.resolutionOf(e.target);
  if (r.kind !== 'symbol' || r.fields.length > 0) return L.fail(e.span, 'loweringUnsupported', ['Assignment to a record field']);
  const entry = L.fn.env.get(r.symbol.id);
  // A mutable of a type with no MLIR form (unit) has no slot: assigning it only runs the value.
  const unitMutable = entry?.kind === 'value' && entry.value === null && r.symbol.mutable;
  if (entry?.kind !== 'slot' && !unitMutable) return L.fail(e.span, 'loweringUnsupported', [`Assignment to '${r.symbol.name}', which has no stack slot`]);
  const value = L.lower(e.value);
  if (entry?.kind !== 'slot') return null;
  if (value !== null) L.b.store(value, entry.ptr, L.loc(e.span));
  return null;
};

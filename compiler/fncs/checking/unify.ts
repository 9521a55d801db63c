/**
 * Unification with operator constraints and let-levels.
 *
 * A variable may carry constraints from the operators applied to it (`a + b` needs an addable
 * type, `&&&` an integer type, `=` an equality type…); binding the variable checks them against
 * the solution, as F#'s statically resolved member constraints do for the subset's types. Levels
 * implement efficient generalisation: binding a variable lowers the levels of the variables in its
 * solution to its own.
 */
import { addConstraint, prune, type Constraint, type Type, type TypeVar, isIntegerPrim, isSignedPrim, tError } from './types.js';

/** Why two types failed to unify. */
export type UnifyFailure =
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'occurs' }
  /** `type` does not support the operator `op` (the constraint it imposed). */
  | { readonly kind: 'constraint'; readonly type: Type; readonly constraint: Constraint; readonly op: string };

/** Field types of a record by name, so equality and comparison can look inside records. */
export type RecordFieldTypes = (name: string) => readonly Type[];

/** How a concrete type is held to a constraint: one entry per constraint, read once per check. */
interface ConstraintRule {
  /** Whether a concrete head type satisfies the constraint (sub-terms are checked by the caller). */
  readonly head: (t: Type) => boolean;
  /** Equality and comparison are structural: they also constrain element and field types. */
  readonly structural: boolean;
}

const constraintRules: Readonly<Record<Constraint, ConstraintRule>> = {
  equality: { head: (t) => t.kind !== 'Fun', structural: true },
  comparison: { head: (t) => (t.kind === 'Prim' ? t.name !== 'Region' && t.name !== 'SockAddr' : t.kind !== 'Fun'), structural: true },
  addable: { head: (t) => t.kind === 'Prim' && (isIntegerPrim(t.name) || t.name === 'string'), structural: false },
  integer: { head: (t) => t.kind === 'Prim' && isIntegerPrim(t.name), structural: false },
  signed: { head: (t) => t.kind === 'Prim' && isSignedPrim(t.name), structural: false },
};

export class Unifier {
  constructor(private readonly recordFields: RecordFieldTypes) {}

  /** Unify `a` and `b`, solving variables; null on success. */
  unify(a: Type, b: Type): UnifyFailure | null {
    const x = prune(a);
    const y = prune(b);
    if (x === y) return null;
    if (x.kind === 'Error' || y.kind === 'Error') {
      if (x.kind === 'Var') x.tv.link = tError;
      if (y.kind === 'Var') y.tv.link = tError;
      return null;
    }
    if (x.kind === 'Var') return this.bind(x.tv, y);
    if (y.kind === 'Var') return this.bind(y.tv, x);
    switch (x.kind) {
      case 'Prim':
        return y.kind === 'Prim' && y.name === x.name ? null : { kind: 'mismatch' };
      case 'Record':
        return y.kind === 'Record' && y.name === x.name ? null : { kind: 'mismatch' };
      case 'Ptr':
      case 'Array':
        return y.kind === x.kind ? this.unify(x.elem, y.elem) : { kind: 'mismatch' };
      case 'Fun':
        if (y.kind !== 'Fun') return { kind: 'mismatch' };
        return this.unify(x.from, y.from) ?? this.unify(x.to, y.to);
    }
  }

  /** Require `t` to support `c` (imposed by operator `op`); unsolved variables record it. */
  require(t: Type, c: Constraint, op: string): UnifyFailure | null {
    const p = prune(t);
    switch (p.kind) {
      case 'Error':
        return null;
      case 'Var':
        addConstraint(p.tv, c, op);
        return null;
      default: {
        const rule = constraintRules[c];
        if (!rule.head(p)) return { kind: 'constraint', type: p, constraint: c, op };
        if (!rule.structural) return null;
        if (p.kind === 'Ptr' || p.kind === 'Array') return this.require(p.elem, c, op);
        if (p.kind === 'Record') {
          for (const f of this.recordFields(p.name)) {
            const r = this.require(f, c, op);
            if (r !== null) return { kind: 'constraint', type: p, constraint: c, op };
          }
        }
        return null;
      }
    }
  }

  private bind(v: TypeVar, t: Type): UnifyFailure | null {
    if (t.kind === 'Var') {
      // Merge: the surviving variable takes the lower level and all constraints.
      t.tv.level = Math.min(t.tv.level, v.level);
      if (v.constraints !== null) for (const u of v.constraints) addConstraint(t.tv, u.constraint, u.op);
      v.link = t;
      return null;
    }
    if (this.occurs(v, t)) return { kind: 'occurs' };
    if (v.constraints !== null) {
      for (const u of v.constraints) {
        const r = this.require(t, u.constraint, u.op);
        if (r !== null) return r;
      }
    }
    v.link = t;
    return null;
  }

  /** Occurs check, lowering the levels of `t`'s variables to `v`'s on the way. */
  private occurs(v: TypeVar, t: Type): boolean {
    const p = prune(t);
    switch (p.kind) {
      case 'Var':
        if (p.tv === v) return true;
        p.tv.level = Math.min(p.tv.level, v.level);
        return false;
      case 'Ptr':
      case 'Array':
        return this.occurs(v, p.elem);
      case 'Fun':
        return this.occurs(v, p.from) || this.occurs(v, p.to);
      default:
        return false;
    }
  }
}

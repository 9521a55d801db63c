/**
 * The last step of checking: replace every solved type variable in the side tables (and in the
 * symbols they share) by its solution, so the `TypedProgram` holds final types only.
 */
import type { BindingInfo, PathResolution, ProgramTables, Symbol } from '../psg/program.js';
import type { MutableSymbol } from './environment.js';
import { zonk, type Type } from './types.js';

function zonkMap<K>(m: Map<K, Type>): void {
  for (const [k, t] of m) m.set(k, zonk(t));
}

function zonkResolution(r: PathResolution): PathResolution {
  switch (r.kind) {
    case 'error': return r;
    case 'symbol': return { ...r, typeArgs: r.typeArgs.map(zonk) };
    case 'intrinsic': return { ...r, type: zonk(r.type), typeArgs: new Map([...r.typeArgs].map(([k, t]) => [k, zonk(t)])) };
  }
}

/** Zonk every table of `t` in place. */
export function zonkTables(t: ProgramTables): void {
  const symbols = new Set<Symbol>();
  zonkMap(t.exprTypes);
  zonkMap(t.operandTypes);
  zonkMap(t.paramTypes);
  zonkMap(t.patternTypes);
  for (const [k, r] of t.resolutions) {
    if (r.kind === 'symbol') symbols.add(r.symbol);
    t.resolutions.set(k, zonkResolution(r));
  }
  for (const [k, m] of t.matches) t.matches.set(k, { ...m, scrutineeType: zonk(m.scrutineeType) });
  const zonkInfo = (b: BindingInfo): BindingInfo => {
    symbols.add(b.symbol);
    b.captures.forEach((s) => symbols.add(s));
    return { ...b, paramTypes: b.paramTypes.map(zonk), returnType: zonk(b.returnType) };
  };
  for (const [k, b] of t.bindings) t.bindings.set(k, zonkInfo(b));
  t.topLevel.forEach((b, i) => {
    t.topLevel[i] = t.bindings.get(b.binding) ?? zonkInfo(b);
  });
  [...t.paramSymbols.values(), ...t.patternSymbols.values(), ...t.forVars.values()].forEach((s) => symbols.add(s));
  for (const s of symbols) {
    const m = s as MutableSymbol;
    m.type = zonk(m.type);
  }
}

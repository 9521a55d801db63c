/**
 * Match completeness (FS0025) and redundant rules (FS0026) for the subset's patterns: constants,
 * or-patterns, wildcards and variables over a single scrutinee. The patterns are walked as they
 * are, with no flattened copy: every `match` in a program goes through here.
 *
 * A rule with a `when` guard covers nothing (the guard may fail) but can still be redundant. The
 * example value for an incomplete match is the smallest non-negative integer not covered (written
 * with the type's suffix, as F# prints constants), the missing bool, `()` or a string.
 */
import type { LiteralValue, MatchArm, Pattern } from '../syntax/ast.js';
import { prune, type Type } from './types.js';

export interface MatchAnalysis {
  /** The example value F# would print, or null when the rules are exhaustive. */
  readonly missing: string | null;
  /** Patterns of rules that can never match. */
  readonly redundant: readonly Pattern[];
}

const SUFFIX: Readonly<Record<string, string>> = {
  int: '', int64: 'L', uint32: 'u', uint64: 'UL', byte: 'uy', sbyte: 'y', int16: 's', uint16: 'us',
};

/** How many values an integer type has, for the (rare) match that lists them all. */
const DOMAIN_SIZE: Readonly<Record<string, number>> = { byte: 256, sbyte: 256 };

function keyOf(v: LiteralValue): string {
  switch (v.type) {
    case 'int': return `i:${v.value}`;
    case 'bool': return `b:${v.value}`;
    case 'string': return `s:${v.value}`;
    case 'unit': return 'u';
  }
}

/** Whether every value `p` matches is in `covered` already (a wildcard or variable matches others). */
function alreadyCovered(p: Pattern, covered: ReadonlySet<string>): boolean {
  switch (p.kind) {
    case 'PWild': case 'PVar': return false;
    case 'PConst': return covered.has(keyOf(p.value));
    case 'POr':
      for (const a of p.alternatives) if (!alreadyCovered(a, covered)) return false;
      return true;
  }
}

/** Add the constants `p` matches to `covered`; true when it also matches any value (a wildcard or variable). */
function cover(p: Pattern, covered: Set<string>): boolean {
  switch (p.kind) {
    case 'PWild': case 'PVar': return true;
    case 'PConst':
      covered.add(keyOf(p.value));
      return false;
    case 'POr': {
      let any = false;
      for (const a of p.alternatives) if (cover(a, covered)) any = true;
      return any;
    }
  }
}

/** Analyse the rules of a match whose scrutinee has (zonked) type `scrutinee`. */
export function analyseMatch(scrutinee: Type, arms: readonly MatchArm[]): MatchAnalysis {
  let coveredAll = false;
  const covered = new Set<string>();
  const redundant: Pattern[] = [];
  for (const arm of arms) {
    if (coveredAll || alreadyCovered(arm.pattern, covered)) redundant.push(arm.pattern);
    if (arm.guard !== null) continue;
    if (cover(arm.pattern, covered)) coveredAll = true;
  }
  return { missing: coveredAll ? null : example(prune(scrutinee), covered), redundant };
}

function example(t: Type, covered: ReadonlySet<string>): string | null {
  if (t.kind === 'Error') return null;
  if (t.kind !== 'Prim') return '_';
  switch (t.name) {
    case 'bool':
      if (!covered.has('b:false')) return 'false';
      return covered.has('b:true') ? null : 'true';
    case 'unit':
      return covered.has('u') ? null : '()';
    case 'string': {
      for (let n = 0; ; n++) {
        const s = n === 0 ? 'a' : `a${n}`;
        if (!covered.has(`s:${s}`)) return `"${s}"`;
      }
    }
    default: {
      const suffix = SUFFIX[t.name];
      if (suffix === undefined) return '_';
      const size = DOMAIN_SIZE[t.name];
      const ints = [...covered].filter((k) => k.startsWith('i:'));
      if (size !== undefined && ints.length >= size) return null;
      let n = 0n;
      while (covered.has(`i:${n}`)) n++;
      return `${n}${suffix}`;
    }
  }
}

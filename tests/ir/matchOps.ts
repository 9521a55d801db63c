/**
 * Compares MLIR op lines the way FileCheck's captured names do: the text must match exactly,
 * except that each SSA name on the expected side stands for one name on the actual side,
 * consistently (and two expected names never stand for the same actual one).
 */

const SSA = /%[A-Za-z0-9_$.-]+(#[0-9]+)?/g;

/**
 * Undefined when `actual` matches `expected` line for line; otherwise what differs. `given` fixes
 * some names in advance (expected name → actual name), e.g. a function's parameters.
 */
export function mismatchModuloNames(expected: readonly string[], actual: readonly string[], given: ReadonlyMap<string, string> = new Map()): string | undefined {
  if (expected.length !== actual.length) return `expected ${expected.length} lines, got ${actual.length}:\n${actual.join('\n')}`;
  const forward = new Map<string, string>(given);
  const backward = new Map<string, string>([...given].map(([e, a]) => [a, e]));
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    const eNames = e.match(SSA) ?? [];
    const aNames = a.match(SSA) ?? [];
    if (e.replace(SSA, '%_') !== a.replace(SSA, '%_') || eNames.length !== aNames.length) {
      return `line ${i + 1} differs:\n  expected: ${e}\n  actual:   ${a}`;
    }
    for (let k = 0; k < eNames.length; k++) {
      const en = eNames[k]!;
      const an = aNames[k]!;
      if ((forward.get(en) ?? an) !== an || (backward.get(an) ?? en) !== en) {
        return `line ${i + 1}: ${en} is ${forward.get(en) ?? '(new)'} earlier but ${an} here:\n  ${a}`;
      }
      forward.set(en, an);
      backward.set(an, en);
    }
  }
  return undefined;
}

/**
 * Where `expected` occurs in `actual` as a contiguous run of lines, matched as by
 * `mismatchModuloNames` (with the same `given` names): the index of the first line of the first
 * such run, or -1 when there is none.
 */
export function findRunModuloNames(expected: readonly string[], actual: readonly string[], given: ReadonlyMap<string, string> = new Map()): number {
  for (let start = 0; start + expected.length <= actual.length; start++) {
    if (mismatchModuloNames(expected, actual.slice(start, start + expected.length), given) === undefined) return start;
  }
  return -1;
}

/**
 * Compares MLIR op lines the way FileCheck's captured names do: the text must match exactly,
 * except that each SSA name on the expected side stands for one name on the actual side,
 * consistently (and two expected names never stand for the same actual one).
 */

const SSA = /%[A-Za-z0-9_$.-]+(#[0-9]+)?/g;

/** Undefined when `actual` matches `expected` line for line; otherwise what differs. */
export function mismatchModuloNames(expected: readonly string[], actual: readonly string[]): string | undefined {
  if (expected.length !== actual.length) return `expected ${expected.length} lines, got ${actual.length}:\n${actual.join('\n')}`;
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
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

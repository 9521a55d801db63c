/**
 * A small unified line diff (longest common subsequence), for golden files: the update script
 * prints what it changed with it, and the golden test prints it when an output no longer matches.
 * Golden files are a few thousand lines at most, so the quadratic table is fine.
 */

/** One line of an edit script: kept, removed (only in `before`) or added (only in `after`). */
export interface DiffLine {
  readonly kind: ' ' | '-' | '+';
  readonly text: string;
  /** 1-based line numbers in `before` and `after` (the side a line is not on has the next one). */
  readonly before: number;
  readonly after: number;
}

/** The edit script turning `before` into `after`, removals before additions in each change. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ kind: ' ', text: before[i]!, before: i + 1, after: j + 1 });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ kind: '-', text: before[i]!, before: i + 1, after: j + 1 });
      i++;
    } else {
      out.push({ kind: '+', text: after[j]!, before: i + 1, after: j + 1 });
      j++;
    }
  }
  return out;
}

/** Split text into lines, without the empty string after a final newline. */
export const textLines = (text: string): string[] => {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/**
 * A unified diff (`--- a`, `+++ b`, `@@ -l,n +l,n @@` hunks with `context` lines around each
 * change), or '' when the texts are equal. A missing final newline shows as its own change.
 */
export function unifiedDiff(before: string, after: string, names: { readonly before: string; readonly after: string }, context = 3): string {
  if (before === after) return '';
  const script = diffLines(textLines(before), textLines(after));
  const changed = script.map((l, k) => (l.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  const out = [`--- ${names.before}`, `+++ ${names.after}`];
  if (changed.length === 0) {
    const note = (t: string) => (t.endsWith('\n') ? 'ends with a newline' : 'has no newline at the end');
    out.push(`@@ only the end of the file differs: ${names.before} ${note(before)}, ${names.after} ${note(after)} @@`);
    return `${out.join('\n')}\n`;
  }
  // Group changes whose context windows touch into one hunk.
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = changed[k]! + context;
    while (k + 1 < changed.length && changed[k + 1]! - context <= end + 1) end = changed[++k]! + context;
    k++;
    const hunk = script.slice(start, Math.min(script.length, end + 1));
    const beforeCount = hunk.filter((l) => l.kind !== '+').length;
    const afterCount = hunk.filter((l) => l.kind !== '-').length;
    const first = hunk[0]!;
    const beforeStart = beforeCount === 0 ? first.before - 1 : first.before;
    const afterStart = afterCount === 0 ? first.after - 1 : first.after;
    out.push(`@@ -${beforeStart},${beforeCount} +${afterStart},${afterCount} @@`);
    for (const l of hunk) out.push(`${l.kind}${l.text}`);
  }
  return `${out.join('\n')}\n`;
}

/** How many lines were removed and added. */
export function diffStat(before: string, after: string): { readonly removed: number; readonly added: number } {
  const script = diffLines(textLines(before), textLines(after));
  return { removed: script.filter((l) => l.kind === '-').length, added: script.filter((l) => l.kind === '+').length };
}

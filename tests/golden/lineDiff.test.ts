/**
 * The line diff the golden test and `npm run golden:update` print: edit scripts, hunks with
 * context, line numbers in the `@@` headers, and the end-of-file cases.
 */
import { describe, expect, it } from 'vitest';
import { diffLines, diffStat, textLines, unifiedDiff } from '../../scripts/lineDiff.js';

const names = { before: 'a', after: 'b' };
const numbered = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('diffLines', () => {
  it('keeps the longest common subsequence and marks the rest', () => {
    expect(diffLines(['x', 'a', 'b', 'c'], ['a', 'c', 'd']).map((l) => `${l.kind}${l.text}`)).toEqual(['-x', ' a', '-b', ' c', '+d']);
  });

  it('is all additions from nothing and all removals to nothing', () => {
    expect(diffLines([], ['a', 'b']).map((l) => l.kind)).toEqual(['+', '+']);
    expect(diffLines(['a', 'b'], []).map((l) => l.kind)).toEqual(['-', '-']);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', names)).toBe('');
  });

  it('shows three lines of context and numbers the hunk from 1', () => {
    const before = numbered(20);
    const after = before.replace('line 10\n', 'line ten\n');
    expect(unifiedDiff(before, after, names)).toBe([
      '--- a', '+++ b', '@@ -7,7 +7,7 @@',
      ' line 7', ' line 8', ' line 9', '-line 10', '+line ten', ' line 11', ' line 12', ' line 13', '',
    ].join('\n'));
  });

  it('makes two hunks of distant changes and one of near ones', () => {
    const before = numbered(30);
    const far = before.replace('line 2\n', 'line two\n').replace('line 25\n', '');
    const hunks = unifiedDiff(before, far, names).split('\n').filter((l) => l.startsWith('@@'));
    expect(hunks).toEqual(['@@ -1,5 +1,5 @@', '@@ -22,7 +22,6 @@']);
    const near = before.replace('line 5\n', 'line five\n').replace('line 9\n', 'line nine\n');
    expect(unifiedDiff(before, near, names).split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -2,11 +2,11 @@']);
  });

  it('says so when only the final newline differs', () => {
    expect(unifiedDiff('a\n', 'a', names)).toBe('--- a\n+++ b\n@@ only the end of the file differs: a ends with a newline, b has no newline at the end @@\n');
  });

  it('numbers a file created from nothing as GNU diff does', () => {
    expect(unifiedDiff('', 'x\ny\n', names)).toBe('--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n');
  });
});

describe('diffStat and textLines', () => {
  it('count removed and added lines; a final newline ends the last line', () => {
    expect(diffStat('a\nb\nc\n', 'a\nc\nd\ne\n')).toEqual({ removed: 1, added: 2 });
    expect(textLines('a\nb\n')).toEqual(['a', 'b']);
    expect(textLines('a\nb')).toEqual(['a', 'b']);
    expect(textLines('')).toEqual([]);
  });
});

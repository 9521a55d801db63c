/** Small helpers for reading Chevrotain CST nodes robustly (recovered nodes may lack children). */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span } from './ast.js';
import { tokenSpan } from './span.js';

export const isToken = (e: CstElement): e is IToken => (e as IToken).image !== undefined;

/** The children under `label` that are nodes. */
export const nodes = (n: CstNode, label: string): CstNode[] => (n.children[label] ?? []).filter((e): e is CstNode => !isToken(e));
/** The children under `label` that are tokens (virtual tokens from recovery, with NaN offsets, are left out). */
export const tokens = (n: CstNode, label: string): IToken[] =>
  (n.children[label] ?? []).filter((e): e is IToken => isToken(e) && !Number.isNaN(e.startOffset));
export const node = (n: CstNode, label: string): CstNode | undefined => nodes(n, label)[0];
export const token = (n: CstNode, label: string): IToken | undefined => tokens(n, label)[0];
export const has = (n: CstNode, label: string): boolean => (n.children[label]?.length ?? 0) > 0;

/** The one child of a node that has exactly one (the common case of a precedence level passing through), else undefined. */
export function soleChild(n: CstNode): CstNode | IToken | undefined {
  let found: CstElement | undefined;
  for (const label in n.children) {
    const elements = n.children[label]!;
    if (elements.length === 0) continue;
    if (found !== undefined || elements.length > 1) return undefined;
    found = elements[0];
  }
  return found as CstNode | IToken | undefined;
}

/** Start offset of any CST element, for restoring source order across labels. */
export function offsetOf(e: CstElement): number {
  if (isToken(e)) return e.startOffset;
  return e.location?.startOffset ?? Number.MAX_SAFE_INTEGER;
}

/** All the children of a node, in source order. */
export function inOrder(n: CstNode): { label: string; element: CstElement }[] {
  const all: { label: string; element: CstElement }[] = [];
  for (const [label, elements] of Object.entries(n.children)) {
    for (const element of elements) all.push({ label, element });
  }
  return all.sort((a, b) => offsetOf(a.element) - offsetOf(b.element));
}

/** The span of a node; a node whose location recovery left undefined gets `fallback`. */
export function nodeSpan(file: string, n: CstNode, fallback: Span): Span {
  const l = n.location;
  if (l === undefined || Number.isNaN(l.startOffset) || l.startLine === undefined || Number.isNaN(l.startLine)) return fallback;
  const endOk = l.endOffset !== undefined && !Number.isNaN(l.endOffset) && l.endLine !== undefined && !Number.isNaN(l.endLine);
  return {
    file,
    startLine: l.startLine,
    startCol: l.startColumn ?? 1,
    endLine: endOk ? l.endLine! : l.startLine,
    endCol: endOk ? (l.endColumn ?? 1) + 1 : (l.startColumn ?? 1) + 1,
    startOffset: l.startOffset,
    endOffset: endOk ? l.endOffset! + 1 : l.startOffset + 1,
  };
}

export { tokenSpan };

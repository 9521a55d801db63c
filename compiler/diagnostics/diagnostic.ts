/**
 * Diagnostics as values: every stage collects them and returns them; none is thrown.
 * `report` is the one function that makes a diagnostic from the message table.
 */
import type { Span } from '../fncs/syntax/ast.js';
import { messages, type MessageId, type Severity } from './messages.js';

export interface Diagnostic {
  readonly severity: Severity;
  /** `FS0001`, … */
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  /** A suggested fix, printed as `help:` under the snippet. */
  readonly help?: string;
}

/** Build the diagnostic for message `id`, filling `{0}`, `{1}`… with `args`. */
export function report(id: MessageId, span: Span, args: readonly (string | number)[] = [], help?: string): Diagnostic {
  const entry = messages[id];
  const message = entry.text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
  return help === undefined
    ? { severity: entry.severity, code: entry.code, message, span }
    : { severity: entry.severity, code: entry.code, message, span, help };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Sort by position, then keep only the first of identical (position, code, message) triples. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...ds]
    .sort((a, b) => a.span.startOffset - b.span.startOffset || a.code.localeCompare(b.code))
    .filter((d) => {
      const key = `${d.span.startOffset}:${d.code}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Renders diagnostics for people and editors: the F# compiler's line first
 * (`file.fs(l,c): error FS0001: …`), then the source line with a caret under the span, then `help:`.
 * Colour comes from chalk, which turns itself off when stdout is not a terminal or NO_COLOR is set.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from './diagnostic.js';

export interface RenderOptions {
  /** Force colour on or off; by default chalk decides from the terminal and NO_COLOR. */
  readonly color?: boolean;
}

function chalkFor(options: RenderOptions): ChalkInstance {
  if (options.color === undefined) return new Chalk();
  return new Chalk({ level: options.color ? 1 : 0 });
}

/** The one-line F# form, which editors and CI parse. */
export function formatLine(d: Diagnostic): string {
  return `${d.span.file}(${d.span.startLine},${d.span.startCol}): ${d.severity} ${d.code}: ${d.message}`;
}

/** Render one diagnostic with its snippet. `source` is the text of the file the span points into. */
export function renderDiagnostic(d: Diagnostic, source: string | undefined, options: RenderOptions = {}): string {
  const c = chalkFor(options);
  const sev = d.severity === 'error' ? c.red.bold(`${d.severity} ${d.code}`) : c.yellow.bold(`${d.severity} ${d.code}`);
  const out = [`${c.bold(`${d.span.file}(${d.span.startLine},${d.span.startCol})`)}: ${sev}: ${d.message}`];
  const lines = source === undefined ? [] : source.split(/\r?\n/);
  const text = lines[d.span.startLine - 1];
  if (text !== undefined) {
    const gutter = String(d.span.startLine);
    const pad = ' '.repeat(gutter.length);
    const start = Math.max(1, d.span.startCol);
    const end = d.span.endLine === d.span.startLine ? Math.max(d.span.endCol, start + 1) : text.length + 1;
    const width = Math.max(1, Math.min(end, text.length + 1) - start);
    const caret = ' '.repeat(start - 1) + '^'.repeat(width);
    out.push(`${pad} ${c.blue('|')}`);
    out.push(`${c.blue(gutter)} ${c.blue('|')} ${text}`);
    out.push(`${pad} ${c.blue('|')} ${d.severity === 'error' ? c.red(caret) : c.yellow(caret)}`);
  }
  if (d.help !== undefined) out.push(`${c.cyan.bold('help')}: ${d.help}`);
  return out.join('\n');
}

/** Render many, separated by blank lines, followed by a count line like rustc's. */
export function renderDiagnostics(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, options: RenderOptions = {}): string {
  return ds.map((d) => renderDiagnostic(d, sources.get(d.span.file), options)).join('\n\n');
}

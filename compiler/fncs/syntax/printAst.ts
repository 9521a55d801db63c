/**
 * `--emit ast`: a deterministic, indented dump of the AST. Generic over node shapes: a node prints
 * as its `kind` with its scalar fields and its position, then its child nodes indented under it.
 */
import type { Span } from './ast.js';

const isSpan = (v: unknown): v is Span => typeof v === 'object' && v !== null && 'startOffset' in v && 'startLine' in v;
const isName = (v: unknown): v is { text: string; span: Span } =>
  typeof v === 'object' && v !== null && 'text' in v && 'span' in v && Object.keys(v).length === 2;

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (v === null) return 'null';
  if (isName(v)) return v.text;
  if (typeof v === 'object' && v !== null && 'type' in v && !('kind' in v)) {
    // A literal value: `int 0x81uy : byte`, `string "x"`.
    const lit = v as { type: string; value?: unknown; intType?: string; text?: string };
    if (lit.type === 'int') return `${lit.text} : ${lit.intType}`;
    if (lit.type === 'unit') return '()';
    return scalar(lit.value);
  }
  return undefined;
}

function print(v: unknown, label: string, indent: string, out: string[]): void {
  const prefix = label === '' ? indent : `${indent}${label}: `;
  const s = scalar(v);
  if (s !== undefined) { out.push(prefix + s); return; }
  if (Array.isArray(v)) {
    if (v.length === 0) return;
    if (v.every((x) => scalar(x) !== undefined)) { out.push(`${prefix}[${v.map(scalar).join(', ')}]`); return; }
    out.push(`${prefix}[`);
    for (const x of v) print(x, '', `${indent}  `, out);
    out.push(`${indent}]`);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  const o = v as Record<string, unknown>;
  const head: string[] = [String(o['kind'] ?? '')];
  const children: [string, unknown][] = [];
  for (const [k, x] of Object.entries(o)) {
    if (k === 'kind' || k === 'span' || isSpan(x)) continue;
    const sx = scalar(x);
    if (sx !== undefined && !Array.isArray(x)) head.push(`${k}=${sx}`);
    else children.push([k, x]);
  }
  const span = o['span'];
  if (isSpan(span)) head.push(`@${span.startLine}:${span.startCol}`);
  out.push(prefix + head.filter((h) => h !== '').join(' '));
  for (const [k, x] of children) print(x, k, `${indent}  `, out);
}

/** The AST of a module (or any AST node) as indented text. */
export function printAst(node: unknown): string {
  const out: string[] = [];
  print(node, '', '', out);
  return out.join('\n') + '\n';
}

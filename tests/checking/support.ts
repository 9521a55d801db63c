/**
 * Test helpers: parse and check source through the same entry points the CLI uses.
 */
import { parseSource } from '../../compiler/fncs/syntax/parse.js';
import { check, type CheckResult } from '../../compiler/fncs/checking/check.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Binding, Expr } from '../../compiler/fncs/syntax/ast.js';
import { printType } from '../../compiler/fncs/checking/types.js';

export interface Checked extends CheckResult {
  readonly parseDiagnostics: readonly Diagnostic[];
}

/** Parse `text` (as `test.fs`) and check it. */
export function checkSource(text: string, file = 'test.fs'): Checked {
  const { ast, diagnostics } = parseSource(file, text);
  const r = check(ast);
  return { ...r, parseDiagnostics: diagnostics };
}

/** `module Test` followed by the lines given. */
export const mod = (...lines: string[]): string => ['module Test', '', ...lines].join('\n') + '\n';

/** Diagnostics as `(line,col) FSnnnn` strings, parse diagnostics included. */
export const where = (c: Checked): string[] =>
  [...c.parseDiagnostics, ...c.diagnostics].map((d) => `(${d.span.startLine},${d.span.startCol}) ${d.code}`);

/** The F#-style type of the top-level binding `name`. */
export function typeOfBinding(c: Checked, name: string): string {
  const b = c.program.topLevel.find((x) => x.binding.name.text === name);
  if (b === undefined) throw new Error(`no top-level binding ${name}`);
  return printType(b.symbol.type);
}

/** Every expression in the program, depth first, for finding nodes in assertions. */
export function allExprs(c: Checked): Expr[] {
  const out: Expr[] = [];
  const visitBinding = (b: Binding): void => visit(b.body);
  const visit = (e: Expr): void => {
    out.push(e);
    switch (e.kind) {
      case 'FieldGet': visit(e.target); break;
      case 'TypeApp': visit(e.target); break;
      case 'App': visit(e.fn); e.args.forEach(visit); break;
      case 'Index': visit(e.target); visit(e.index); break;
      case 'Infix': visit(e.left); visit(e.right); break;
      case 'Prefix': visit(e.operand); break;
      case 'If': visit(e.cond); visit(e.then); if (e.otherwise) visit(e.otherwise); break;
      case 'While': visit(e.cond); visit(e.body); break;
      case 'For': visit(e.from); visit(e.to); visit(e.body); break;
      case 'Match': visit(e.scrutinee); e.arms.forEach((a) => { if (a.guard) visit(a.guard); visit(a.body); }); break;
      case 'Block': e.items.forEach((i) => (i.kind === 'LocalLet' ? i.bindings.forEach(visitBinding) : visit(i))); break;
      case 'Assign': visit(e.target); visit(e.value); break;
      case 'Record': e.fields.forEach((f) => visit(f.value)); break;
      case 'RecordUpdate': visit(e.source); e.fields.forEach((f) => visit(f.value)); break;
      default: break;
    }
  };
  for (const d of c.program.module.decls) if (d.kind === 'LetDecl') d.bindings.forEach(visitBinding);
  return out;
}

/**
 * The type checker's entry point: `check(ast)` infers and checks a parsed module and returns the
 * typed program (side tables over the untouched AST) with every diagnostic it could find.
 * Never throws on user input; an exception means a broken invariant in the compiler.
 */
import type { ModuleAst } from '../syntax/ast.js';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeTypedProgram, type TypedProgram } from '../psg/program.js';
import { Checker } from './context.js';
import { checkModule } from './checkDecl.js';

export interface CheckResult {
  readonly program: TypedProgram;
  /** Errors and warnings, sorted by position. */
  readonly diagnostics: Diagnostic[];
}

export function check(ast: ModuleAst): CheckResult {
  const cx = new Checker(ast.name.text);
  checkModule(cx, ast);
  cx.zonkDeclaration();
  return { program: makeTypedProgram(ast, cx.tables), diagnostics: sortDiagnostics(cx.diagnostics) };
}

/**
 * Checking a module a declaration at a time, for the compile that lowers each declaration as soon
 * as it is checked and then lets it go (`compiler/driver/streamCompile.ts`). The checker is the
 * one `check` runs, fed one declaration after another; the typed program is the same view over its
 * tables, and grows as they fill.
 *
 * Letting a declaration go (`release`) is what keeps a large compile's heap small: its entries in
 * the node tables are cleared, and its functions' symbols, which stay in scope for later
 * declarations, drop their bodies. Only a declaration whose trees nothing will read again may go:
 * one whose functions are all lowered. A value is inlined where it is used and a generic function
 * specialised where it is instantiated, both later, so a declaration with either stays.
 */
import type { Decl, ModuleAst } from '../syntax/ast.js';
import type { ModuleHeader } from '../syntax/tokens2ast.js';
import { makeTypedProgram, type BindingInfo, type TypedProgram } from '../psg/program.js';
import { checkDeclaration } from './checkDecl.js';
import { Checker } from './context.js';
import type { BindingSymbol } from './environment.js';

/** One checked declaration: its top-level bindings, in order, and where its facts are kept. */
export interface CheckedDeclaration {
  readonly infos: readonly BindingInfo[];
  /** Its part of the node tables, or -1 (a record type or an `open` has none). */
  readonly part: number;
}

export class DeclarationChecker {
  private readonly cx: Checker;
  /**
   * The typed program so far. Its module has no declarations listed, and its span is that of the
   * module's first token: lowering reads the name and where the module starts, nothing more.
   */
  readonly program: TypedProgram;

  constructor(header: ModuleHeader) {
    this.cx = new Checker(header.name.text);
    const module: ModuleAst = { kind: 'Module', name: header.name, decls: [], span: header.start };
    this.program = makeTypedProgram(module, this.cx.tables);
  }

  /** How many diagnostics checking has reported so far. */
  get reported(): number {
    return this.cx.diagnostics.length;
  }

  /** Check `d`, after every declaration before it; `isLast`: no declaration follows it. */
  check(d: Decl, isLast: boolean): CheckedDeclaration {
    const infos = checkDeclaration(this.cx, d, isLast);
    return { infos, part: d.kind === 'LetDecl' ? this.cx.tables.decls.current : -1 };
  }

  /** Let `done` go, if all of its bindings are lowered functions (see above); false when it stays. */
  release(done: CheckedDeclaration): boolean {
    if (done.part < 0) return false;
    // A plain loop: a callback here would be a new closure per declaration.
    for (const info of done.infos) if (!info.isFunction || info.symbol.typeParams.length > 0) return false;
    this.cx.tables.release(done.part);
    for (const info of done.infos) (info as BindingSymbol).forgetBody();
    return true;
  }
}

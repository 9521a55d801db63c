/**
 * Alex's entry point: the typed program → an MLIR module. Every top-level function (and the entry
 * point) is requested; the witnesses, one per family of constructs, are dispatched to here by
 * expression kind; the module is verified before it is handed on.
 *
 * Lowering straight to text streams: each function is verified and printed as soon as it is
 * complete, and dropped, so that the IR of a large program never accumulates (it would be kept
 * alive, and copied by every scavenge, until printing); the text is the printed verified module.
 */
import { hasErrors, report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { BindingInfo, TypedProgram } from '../../fncs/psg/program.js';
import { ModuleBuilder } from '../ir/moduleBuilder.js';
import type { Module } from '../ir/ir.js';
import { StreamPrinter, type PrintOptions } from '../ir/printer.js';
import { verifyModule, type VerifyFailure } from '../ir/verifier.js';
import { StreamVerifier } from '../ir/verifyStream.js';
import { application, index, typeApplication } from './applications.js';
import { assign, block, path } from './bindings.js';
import { locOf, Lowerer, type LValue, type Witness } from './context.js';
import { forLoop, ifThenElse, whileLoop } from './controlFlow.js';
import { FunctionEmitter } from './functions.js';
import { literal } from './literals.js';
import { match } from './match.js';
import { infix, prefix } from './operators.js';
import { fieldGet, record, recordUpdate } from './records.js';

/**
 * The witness of each expression kind. A switch of direct calls rather than a table looked up by
 * kind: `Lowerer.lower` runs at every expression, and here each call has one target (which V8 may
 * inline), where a lookup cost a hash of the kind and a call through what it found. The cases go
 * commonest first.
 */
const witness: Witness = (L, e, want): LValue => {
  switch (e.kind) {
    case 'Path': return path(L, e, want);
    case 'Literal': return literal(L, e, want);
    case 'App': return application(L, e, want);
    case 'Infix': return infix(L, e, want);
    case 'Block': return block(L, e, want);
    case 'If': return ifThenElse(L, e, want);
    case 'Assign': return assign(L, e, want);
    case 'FieldGet': return fieldGet(L, e, want);
    case 'Record': return record(L, e, want);
    case 'Match': return match(L, e, want);
    case 'While': return whileLoop(L, e, want);
    case 'For': return forLoop(L, e, want);
    case 'Prefix': return prefix(L, e, want);
    case 'TypeApp': return typeApplication(L, e, want);
    case 'Index': return index(L, e, want);
    case 'RecordUpdate': return recordUpdate(L, e, want);
    case 'Error': throw new Error(`internal error: an error node at ${e.span.file}(${e.span.startLine},${e.span.startCol}) reached lowering`);
  }
};

export interface LowerResult {
  /** Null when lowering reported errors. */
  readonly module: Module | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Verifier failures: bugs in Alex, each naming the op and its F# location. */
  readonly verifyFailures: readonly VerifyFailure[];
}

/** Lower a checked program (no errors) to a verified MLIR module. */
export function lowerProgram(program: TypedProgram): LowerResult {
  const module = new ModuleBuilder(locOf(program.module.span));
  const diagnostics = lowerFunctions(program, module);
  if (hasErrors(diagnostics)) return { module: null, diagnostics, verifyFailures: [] };
  const built = module.finish();
  return { module: built, diagnostics, verifyFailures: verifyModule(built) };
}

export interface LowerTextResult {
  /** Null when lowering reported errors or the module does not verify. */
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly verifyFailures: readonly VerifyFailure[];
}

/**
 * Lower a checked program (no errors) to the MLIR text of its verified module, a function at a
 * time: `printModule` of `lowerProgram`'s module, with the same diagnostics and failures.
 */
export function lowerProgramToText(program: TypedProgram, options: PrintOptions): LowerTextResult {
  const lowering = new TextLowering(program, options);
  lowering.declaration(program.topLevel);
  return lowering.finish();
}

/**
 * Lowering to text a declaration at a time, as the checker finishes each (`compiler/driver/
 * streamCompile.ts`): `declaration` lowers the top-level functions of one declaration there and
 * then, so that its trees may be dropped before the next is read; what they request (local
 * functions, specialisations) waits for `finish`, in the order `lowerProgramToText` emits it. The
 * text is the same, if `program` has each declaration's facts by the time it is lowered.
 */
export class TextLowering {
  private readonly printer: StreamPrinter;
  private readonly module: ModuleBuilder;
  private readonly verifier: StreamVerifier;
  private readonly L: Lowerer;
  private readonly functions: FunctionEmitter;
  /** A function that could not get its whole-module name (see `clean`). */
  private renamed = false;

  constructor(private readonly program: TypedProgram, options: PrintOptions) {
    const printer = new StreamPrinter(options);
    const verifier = new StreamVerifier((name) => module.lookup(name));
    const module = new ModuleBuilder(locOf(program.module.span), (func, stub) => {
      verifier.definition(func, stub);
      // Text that will not be output is not worth printing.
      if (verifier.ok) printer.definition(func);
    });
    this.printer = printer;
    this.verifier = verifier;
    this.module = module;
    ({ L: this.L, functions: this.functions } = lowererFor(program, module));
  }

  /**
   * False once lowering has reported anything (the diagnostics come with `finish`), or a function
   * of a declaration lowered after others could not have the name it gets in the module lowered
   * whole (see `FunctionEmitter.declare`): the text would not be `lowerProgramToText`'s.
   */
  get clean(): boolean {
    return this.L.diagnostics.length === 0 && !this.renamed;
  }

  /**
   * Lower the top-level functions among `infos` now (one declaration's, or the whole module's).
   * True when what waits for `finish` reads none of their trees: no local function of theirs.
   */
  declaration(infos: readonly BindingInfo[]): boolean {
    const before = this.functions.liftedCount;
    if (!declareFunctions(infos, this.functions)) this.renamed = true;
    this.functions.emitDeclared();
    return this.functions.liftedCount === before;
  }

  finish(): LowerTextResult {
    this.functions.drain();
    const diagnostics = finalDiagnostics(this.L, this.program);
    if (hasErrors(diagnostics)) return { text: null, diagnostics, verifyFailures: [] };
    const head = this.module.finish();
    const verifyFailures = this.verifier.finish(head);
    return { text: verifyFailures.length === 0 ? this.printer.finish(head) : null, diagnostics, verifyFailures };
  }
}

/** Name the non-generic top-level functions among `infos`, and the entry point, in order; false if one could not be. */
function declareFunctions(infos: readonly BindingInfo[], functions: FunctionEmitter): boolean {
  let named = true;
  for (const info of infos) {
    if (info.isEntryPoint || (info.isFunction && info.arity > 0 && info.symbol.typeParams.length === 0)) named = functions.declare(info) && named;
  }
  return named;
}

/** Lowering's diagnostics once every function is emitted. */
function finalDiagnostics(L: Lowerer, program: TypedProgram): Diagnostic[] {
  const diagnostics = [...L.diagnostics];
  if (program.entryPoint === null) diagnostics.push(report('noEntryPoint', program.module.name.span));
  return diagnostics;
}

/** A lowerer of `program` into `module`, with the function emitter it requests functions of. */
function lowererFor(program: TypedProgram, module: ModuleBuilder): { L: Lowerer; functions: FunctionEmitter } {
  const L = new Lowerer(program, module, witness);
  const functions = new FunctionEmitter(L);
  L.functions = functions;
  return { L, functions };
}

/** Lower every function of `program` into `module`, each completed there as it is emitted; returns the diagnostics. */
function lowerFunctions(program: TypedProgram, module: ModuleBuilder): Diagnostic[] {
  const { L, functions } = lowererFor(program, module);
  declareFunctions(program.topLevel, functions);
  functions.drain();
  return finalDiagnostics(L, program);
}

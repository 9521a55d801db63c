/**
 * Alex's entry point: the typed program → an MLIR module. Every top-level function (and the entry
 * point) is requested; the witnesses, one per family of constructs, are registered here by
 * expression kind; the module is verified before it is handed on.
 */
import { report, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { TypedProgram } from '../../fncs/psg/program.js';
import { ModuleBuilder } from '../ir/moduleBuilder.js';
import type { Module } from '../ir/ir.js';
import { verifyModule, type VerifyFailure } from '../ir/verifier.js';
import { application, index, typeApplication } from './applications.js';
import { assign, block, path } from './bindings.js';
import { locOf, Lowerer, type LValue, type WitnessTable } from './context.js';
import { forLoop, ifThenElse, whileLoop } from './controlFlow.js';
import { FunctionEmitter } from './functions.js';
import { literal } from './literals.js';
import { match } from './match.js';
import { infix, prefix } from './operators.js';
import { fieldGet, record, recordUpdate } from './records.js';

/** One witness per expression kind. */
const witnesses: WitnessTable = {
  Literal: literal,
  Path: path,
  FieldGet: fieldGet,
  TypeApp: typeApplication,
  App: application,
  Index: index,
  Infix: infix,
  Prefix: prefix,
  If: ifThenElse,
  While: whileLoop,
  For: forLoop,
  Match: match,
  Block: block,
  Assign: assign,
  Record: record,
  RecordUpdate: recordUpdate,
  Error: (_L, e): LValue => { throw new Error(`internal error: an error node at ${e.span.file}(${e.span.startLine},${e.span.startCol}) reached lowering`); },
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
  const m = program.module;
  const module = new ModuleBuilder(locOf(m.span));
  const L = new Lowerer(program, module, witnesses);
  const functions = new FunctionEmitter(L);
  L.functions = functions;
  for (const info of program.topLevel) {
    if (info.isEntryPoint || (info.isFunction && info.arity > 0 && info.symbol.typeParams.length === 0)) functions.topLevel(info, []);
  }
  functions.drain();
  const diagnostics = [...L.diagnostics];
  if (program.entryPoint === null) diagnostics.push(report('noEntryPoint', m.name.span));
  if (diagnostics.some((d) => d.severity === 'error')) return { module: null, diagnostics, verifyFailures: [] };
  const built = module.finish();
  return { module: built, diagnostics, verifyFailures: verifyModule(built) };
}

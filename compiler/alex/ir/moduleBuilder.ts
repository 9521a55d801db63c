/**
 * The module half of the builder Alex's witnesses emit MLIR with: a `ModuleBuilder` owns the
 * module's symbols — external declarations, each declared once; string globals, each literal once;
 * function definitions, each with an `OpBuilder` (`builder.ts`) positioned in its body — and the
 * attribute records its ops share (`sharedAttributes.ts`). `finish()` hands out the module.
 *
 * Given a sink, it hands each definition to it instead when `complete` says the definition is
 * done, and keeps of it only its symbol (a stub without the body): a large module then need not be
 * held whole, and `finish()` gives the declarations and globals, the ops the module prints first.
 */
import { attr, freezeModule, freezingIr, sealModule, type Attributes, type Loc, type Module, type Operation } from './ir.js';
import { FunctionBuilder } from './functionBuilder.js';
import { blockArgs, closeBlock, emptyRegion, internalError, knownOp, makeKnownOp, makeOp, noTypes, noValues, symbolStub, type KnownOp, type MBlock, type MRegion } from './opParts.js';
import { SharedAttributes } from './sharedAttributes.js';
import { arrayType, funcType, i8, printType, type ArrayType, type FuncType, type MlirType } from './types.js';

/** A string literal interned as a global: its symbol, its `!llvm.array<N x i8>` type and byte length N. */
export interface StringGlobal {
  readonly symbol: string;
  readonly type: ArrayType;
  readonly length: number;
}

/** The attributes of a function symbol: its name, its type and, when private, its visibility. */
function symbolAttributes(name: string, type: FuncType, isPrivate: boolean): Attributes {
  return isPrivate
    ? { sym_name: attr.string(name), function_type: attr.type(type), sym_visibility: attr.string('private') }
    : { sym_name: attr.string(name), function_type: attr.type(type) };
}

/** Whether symbol op `decl` has the function type `(params) -> results`, comparing interned types by identity. */
function hasSignature(decl: Operation, params: readonly MlirType[], results: readonly MlirType[]): boolean {
  const t = decl.attributes['function_type'];
  if (t?.kind !== 'type' || t.type.kind !== 'func') return false;
  const f = t.type;
  if (f.params.length !== params.length || f.results.length !== results.length) return false;
  for (let i = 0; i < params.length; i++) if (f.params[i] !== params[i]) return false;
  for (let i = 0; i < results.length; i++) if (f.results[i] !== results[i]) return false;
  return true;
}

/**
 * An external function as its calls need it: its declaration, with the signature it was asked for
 * (the caller's own lists, so that asking again with them is checked by identity), its result types
 * and the `{ callee }` record its calls share.
 */
export interface ExternalCallee {
  readonly decl: Operation;
  readonly params: readonly MlirType[];
  readonly result: MlirType | undefined;
  readonly results: readonly MlirType[];
  readonly callee: Attributes;
}

/**
 * The number of bytes of `text` in UTF-8, as `TextEncoder` encodes it (a lone surrogate as U+FFFD),
 * counted without encoding it: every string literal of a program is measured.
 */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: 4 bytes for its 2 units.
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** The function symbol ops, looked up once (see `makeKnownOp`): a module defines one per function. */
const funcFunc = knownOp('func.func');
const llvmFunc = knownOp('llvm.func');

/** Where a module builder hands each definition when it is complete, with the stub of it that the module keeps. */
export type DefinitionSink = (definition: Operation, stub: Operation) => void;

/** Builds one module. Call `finish()` once at the end for the module (frozen in the checking mode, see `ir.ts`). */
export class ModuleBuilder {
  private readonly declarations: Operation[] = [];
  private readonly globals: Operation[] = [];
  /** The definitions the module keeps (none with a sink). */
  private readonly definitions: Operation[] = [];
  /**
   * The definitions not yet complete, whose blocks `complete` or `finish` closes: a list, not a map,
   * since it holds one definition at a time (the one being built) when functions are emitted in turn.
   */
  private readonly building: Operation[] = [];
  private readonly symbols = new Map<string, Operation>();
  private readonly strings = new Map<string, StringGlobal>();
  /** The external functions called so far, by name (see `external`). */
  private readonly externals = new Map<string, ExternalCallee>();
  /** Names promised to definitions not made yet (`reserve`), which a string global must not take. */
  private readonly reserved = new Set<string>();
  private finished = false;
  /** Whether to freeze definitions as they go to the sink (the checking mode), read once: reading the environment is slow. */
  private readonly freezing = freezingIr();
  /** Attribute records the module's ops share (see `sharedAttributes.ts`). */
  readonly shared = new SharedAttributes();

  /** `sink`: where complete definitions go, if not into the module. */
  constructor(
    private readonly loc: Loc,
    private readonly sink?: DefinitionSink,
  ) {}

  /**
   * Declare `llvm.func @name(params) -> result` once; later calls with the same signature return
   * the same op, a different signature is a bug. `result` undefined (or `!llvm.void`) means void.
   */
  declareLlvmFunc(name: string, params: readonly MlirType[], result: MlirType | undefined, loc: Loc): Operation {
    const results = result === undefined || result.kind === 'void' ? noTypes : [result];
    // Every call of an external function declares it; most find it declared already.
    const existing = this.symbols.get(name);
    if (existing !== undefined && existing.name === 'llvm.func' && hasSignature(existing, params, results)) return existing;
    return this.declare('llvm.func', name, funcType(params, results), false, loc);
  }

  /**
   * `declareLlvmFunc`, with what a call of the function needs. Every call of an external function
   * asks: when it asks with the lists it asked with before, as callers with an ABI table do, this is
   * one lookup, with no list made and no signature compared.
   */
  external(name: string, params: readonly MlirType[], result: MlirType | undefined, loc: Loc): ExternalCallee {
    const known = this.externals.get(name);
    if (known !== undefined && known.params === params && known.result === result) return known;
    const decl = this.declareLlvmFunc(name, params, result, loc);
    const t = decl.attributes['function_type'];
    const results = t?.kind === 'type' && t.type.kind === 'func' ? t.type.results : internalError(`@${name} has no function type`);
    const callee: ExternalCallee = { decl, params, result, results, callee: this.shared.callee(name) };
    this.externals.set(name, callee);
    return callee;
  }

  /** Declare `func.func private @name(params) -> results` once (an external function in the func dialect). */
  declareFunc(name: string, params: readonly MlirType[], results: readonly MlirType[], loc: Loc): Operation {
    return this.declare('func.func', name, funcType(params, results), true, loc);
  }

  private declare(opName: string, name: string, type: FuncType, isPrivate: boolean, loc: Loc): Operation {
    const existing = this.symbols.get(name);
    if (existing !== undefined) {
      const t = existing.attributes['function_type'];
      if (existing.name !== opName || t?.kind !== 'type' || t.type !== type) {
        internalError(`@${name} is already defined as ${existing.name} with type ${t?.kind === 'type' ? printType(t.type) : '?'}, not ${opName} ${printType(type)}`);
      }
      return existing;
    }
    const op = makeOp(opName, noValues, noValues, symbolAttributes(name, type, isPrivate), loc, [emptyRegion]);
    this.addSymbol(name, op, this.declarations);
    return op;
  }

  /** The `llvm.mlir.global` holding `text` as UTF-8 bytes; the same text gives the same global (`@str0`, `@str1`, …). */
  stringGlobal(text: string, loc: Loc): StringGlobal {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    let n = this.strings.size;
    while (this.taken(`str${n}`)) n++;
    const symbol = `str${n}`;
    const length = utf8Length(text);
    const type = arrayType(length, i8);
    const op = makeOp('llvm.mlir.global', noValues, noValues, {
      linkage: attr.enum('internal'),
      constant: attr.unit(),
      sym_name: attr.string(symbol),
      value: attr.string(text),
      global_type: attr.type(type),
      addr_space: attr.int(0, { kind: 'int', width: 32 }),
    }, loc);
    this.addSymbol(symbol, op, this.globals);
    const g = Object.freeze({ symbol, type, length });
    this.strings.set(text, g);
    return g;
  }

  /**
   * Define `func.func @name(params) -> results` and return a builder positioned in its entry block,
   * whose arguments are `args`. `visibility: 'private'` marks it private.
   */
  defineFunc(name: string, params: readonly MlirType[], results: readonly MlirType[], loc: Loc, visibility?: 'private'): FunctionBuilder {
    return this.define(funcFunc, name, funcType(params, results), visibility === 'private', loc);
  }

  /** Define `llvm.func @name(params) -> result` with a body (result undefined for void). */
  defineLlvmFunc(name: string, params: readonly MlirType[], result: MlirType | undefined, loc: Loc): FunctionBuilder {
    return this.define(llvmFunc, name, funcType(params, result === undefined || result.kind === 'void' ? [] : [result]), false, loc);
  }

  private define(symbolOp: KnownOp, name: string, type: FuncType, isPrivate: boolean, loc: Loc): FunctionBuilder {
    const entry: MBlock = { args: blockArgs(type.params), ops: [] };
    const region: MRegion = { blocks: [entry] };
    const op = makeKnownOp(symbolOp, noValues, noValues, symbolAttributes(name, type, isPrivate), loc, [region]);
    this.addSymbol(name, op, this.sink === undefined ? this.definitions : undefined);
    this.building.push(op);
    return new FunctionBuilder(this, op, entry, region);
  }

  private addSymbol(name: string, op: Operation, list: Operation[] | undefined): void {
    if (this.finished) internalError('the module is already finished');
    if (this.symbols.has(name)) internalError(`@${name} is defined twice`);
    this.symbols.set(name, op);
    list?.push(op);
  }

  /**
   * Whether closed blocks are copied to their final size (`closeBlock`): only when the module keeps
   * its definitions. With a sink, each definition is handed on and dropped as soon as it is
   * complete, so the copies would be garbage at once.
   */
  get keepsDefinitions(): boolean {
    return this.sink === undefined;
  }

  /**
   * Definition `func` is complete: nothing more will be added to it. Its blocks are closed, or
   * with a sink it goes there (sealed, in the checking mode), its symbol kept as a stub.
   */
  complete(func: Operation): void {
    const building = this.building;
    const i = building.lastIndexOf(func);
    if (i < 0) internalError('complete() of an op that is not a definition being built');
    building[i] = building[building.length - 1]!;
    building.pop();
    if (this.sink === undefined) {
      closeBlocks(func);
      return;
    }
    const stub = symbolStub(func);
    const name = func.attributes['sym_name'];
    if (name?.kind === 'string') this.symbols.set(name.value, stub);
    if (this.freezing) freezeModule({ ops: [func], loc: this.loc });
    this.sink(func, stub);
  }

  /** Promise `name` to a definition made later: no string global will be named so. */
  reserve(name: string): void {
    this.reserved.add(name);
  }

  /** Whether `name` is defined in the module or promised to a definition. */
  taken(name: string): boolean {
    return this.symbols.has(name) || this.reserved.has(name);
  }

  /** The op defining `name`, if any. */
  lookup(name: string): Operation | undefined {
    return this.symbols.get(name);
  }

  /**
   * The module: declarations first, then globals, then definitions, each in creation order; frozen
   * in the checking mode. With a sink, the definitions went there, each complete.
   */
  finish(): Module {
    if (this.finished) internalError('finish() called twice');
    this.finished = true;
    if (this.sink !== undefined && this.building.length > 0) internalError('finish() before every definition is complete');
    for (const func of this.building) closeBlocks(func);
    return sealModule({ ops: [...this.declarations, ...this.globals, ...this.definitions], loc: this.loc });
  }
}

/** Close the blocks of definition `func`, whose body is the region `define` made (so a region being built). */
function closeBlocks(func: Operation): void {
  // An index loop: a for-of would allocate per step.
  const blocks = (func.regions[0] as MRegion).blocks;
  for (let j = 0; j < blocks.length; j++) closeBlock(blocks[j]!);
}


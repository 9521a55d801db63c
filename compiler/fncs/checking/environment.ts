/**
 * Name scopes and symbols. Blocks, function bodies and match arms push scopes, and a name means the
 * innermost definition in scope, so later `let`s shadow earlier ones as in F#. Symbols are created
 * here with program-unique ids.
 *
 * Scopes are one map from each name to its slot, which holds the name's innermost definition in
 * scope, plus an undo log, rather than a map per scope: a lookup is one map read whatever the
 * nesting depth, entering a scope allocates nothing (the checker enters one per block, function
 * body and match arm), defining a name is one map read and a write to its slot, and closing a
 * scope writes the slots of the names it introduced back, without touching the map. A name keeps
 * its slot, empty once out of scope: a map that kept losing and regaining the same few local names
 * would fill with deleted entries and be rebuilt again and again.
 *
 * The slots of the intrinsics' names (`int`, `NativePtr`) are there from the start and also hold
 * what those names denote when nothing in scope shadows them: one map read resolves a path's first
 * name, whether it names a definition or an intrinsic.
 */
import type { Binding, Expr, Name, Param, Pattern, Span } from '../syntax/ast.js';
import type { BindingInfo, PathResolution, Symbol } from '../psg/program.js';
import type { Type } from './types.js';
import { intrinsicModuleMembers, intrinsicSchemes, type IntrinsicScheme } from './intrinsicSignatures.js';

const NO_TYPE_PARAMS: readonly Type[] = Object.freeze([]);
/** The parameter types of every value binding (zonking an empty list writes nothing). */
const NO_PARAM_TYPES: Type[] = [];
const NO_CAPTURES: readonly Symbol[] = Object.freeze([]);

/** The checker's own, still-mutable view of a symbol: its type is zonked once checking ends. */
export interface MutableSymbol extends Symbol {
  type: Type;
  typeParams: readonly Type[];
  /**
   * The resolution of the plain uses of this symbol (its name alone), shared by them all; made at
   * the first (see `SideTables.resolveSymbol`). Kept here, it goes when the symbol goes.
   */
  plainUse: PathResolution | undefined;
}

/**
 * The symbol of a parameter, loop variable or pattern variable: never mutable, never generic. What
 * every such symbol says alike lives on the prototype, which makes each one smaller (a program
 * has one per parameter).
 */
class LocalSymbol implements MutableSymbol {
  declare readonly mutable: boolean;
  declare typeParams: readonly Type[];
  plainUse: PathResolution | undefined = undefined;
  constructor(
    readonly id: number,
    readonly name: string,
    readonly kind: 'param' | 'forVar' | 'patternVar',
    public type: Type,
    readonly definition: Param | Expr | Pattern,
  ) {}
}
Object.defineProperties(LocalSymbol.prototype, {
  mutable: { value: false, enumerable: true },
  typeParams: { value: NO_TYPE_PARAMS, enumerable: true },
});

/**
 * A `let` binding's symbol, which also carries what the checker finds about the binding: it is its
 * own `BindingInfo` (`symbol` is itself), one object per `let` rather than two. Its types are
 * zonked once checking ends; the facts that follow from the binding are read from it, not stored.
 */
export class BindingSymbol implements MutableSymbol, BindingInfo {
  typeParams: readonly Type[] = NO_TYPE_PARAMS;
  /** The following four are set once the binding's body is checked. */
  paramTypes: Type[] = NO_PARAM_TYPES;
  returnType: Type;
  captures: readonly Symbol[] = NO_CAPTURES;
  isEntryPoint = false;
  plainUse: PathResolution | undefined = undefined;

  constructor(
    readonly id: number,
    readonly kind: 'topLevel' | 'local',
    public type: Type,
    /** Read-only but for `forgetBody`. */
    public definition: Binding,
    readonly isRec: boolean,
    readonly name = definition.name.text,
    readonly mutable = definition.mutable,
  ) {
    this.returnType = type;
  }

  get symbol(): this {
    return this;
  }

  get binding(): Binding {
    return this.definition;
  }

  get arity(): number {
    return this.definition.params.length;
  }

  get isFunction(): boolean {
    return this.definition.params.length > 0;
  }

  get isLocal(): boolean {
    return this.kind === 'local';
  }

  /**
   * Let go of the trees of this top-level function once it is lowered, for a compile that drops
   * each declaration when done with it: the symbol stays in scope for the declarations after it,
   * which need its name, its types and its number of parameters, nothing of its trees. Its
   * definition becomes the shared stand-in for a released function of its arity (see
   * `releasedBinding`), so what stays per function is this symbol and its parameter types.
   */
  forgetBody(): void {
    this.definition = releasedBinding(this.definition.params.length);
  }
}

/**
 * Where the trees of a released function were: nowhere any more. A diagnostic pointing here is
 * one the declaration-at-a-time compile gives up at; the whole-program compile it leaves the
 * program to reports it where it is. (The stand-ins are built as the parser builds their kinds of
 * node and not frozen, so code reading nodes sees one shape per kind.)
 */
const RELEASED_SPAN: Span = { file: '', startLine: 0, startCol: 0, endLine: 0, endCol: 0, startOffset: 0, endOffset: 0 };
const RELEASED_NAME: Name = { text: '', span: RELEASED_SPAN };
const RELEASED_PARAM: Param = { kind: 'Param', name: null, unit: false, type: null, span: RELEASED_SPAN };
const RELEASED_BODY: Expr = { kind: 'Error', span: RELEASED_SPAN };
/** The stand-ins by arity, made on first need (a program's functions have a few arities). */
const releasedBindings: Binding[] = [];

/**
 * The definition a released top-level function of `arity` parameters keeps: what later
 * declarations read of it (how many parameters, not mutable), with an error node for a body,
 * which lowering refuses loudly. One object per arity for every such function: a large program
 * has thousands, and each kept its own copy of the trees' names and spans.
 */
function releasedBinding(arity: number): Binding {
  let b = releasedBindings[arity];
  if (b === undefined) {
    const params = new Array<Param>(arity).fill(RELEASED_PARAM);
    b = { kind: 'Binding', name: RELEASED_NAME, mutable: false, params, returnType: null, body: RELEASED_BODY, span: RELEASED_SPAN };
    releasedBindings[arity] = b;
  }
  return b;
}

/** The binding facts the checker reads and writes: those of a binding's symbol. */
export type MutableBindingInfo = BindingSymbol;


/** A name's place in the scopes: its innermost definition in scope, if any, and the intrinsics it names. */
export interface NameSlot {
  readonly name: string;
  symbol: MutableSymbol | undefined;
  /** The intrinsic the name alone denotes (`int`), if any. */
  readonly intrinsic: IntrinsicScheme | undefined;
  /** The intrinsics `name.member` (of module `NativePtr`), by member, if any. */
  readonly members: ReadonlyMap<string, IntrinsicScheme> | undefined;
}

/** The names that denote intrinsics, bare or as modules. */
const INTRINSIC_NAMES: readonly string[] = [...new Set([...intrinsicSchemes.keys(), ...intrinsicModuleMembers.keys()])];

export class Environment {
  /** Each name ever defined, with its slot. */
  private readonly slots = new Map<string, NameSlot>();
  /**
   * One entry per `define` in the open scopes, in order: the name's slot and what it held before.
   * The first `top` entries are current; the lists are reused rather than shrunk when a scope closes.
   */
  private readonly defined: NameSlot[] = [];
  private readonly shadowed: (MutableSymbol | undefined)[] = [];
  private top = 0;
  /** Where each open scope starts in `defined`, outermost (the module scope, 0) first. */
  private readonly scopeStarts: number[] = [0];
  private depth = 1;
  private nextId = 0;
  /**
   * The symbols created since the last `forgetRecent`, in id order: the first `recentCount` (the
   * list is reused). The checker zonks their types once their declaration is checked.
   */
  readonly recent: MutableSymbol[] = [];
  private recentSymbols = 0;

  constructor() {
    for (const name of INTRINSIC_NAMES) {
      this.slots.set(name, { name, symbol: undefined, intrinsic: intrinsicSchemes.get(name), members: intrinsicModuleMembers.get(name) });
    }
  }

  get recentCount(): number {
    return this.recentSymbols;
  }

  /** The id the next symbol will get (used to tell a function's own symbols from captured ones). */
  get nextSymbolId(): number {
    return this.nextId;
  }

  /** The symbol of a parameter, loop variable or pattern variable (a `let` has `newBindingSymbol`). */
  newSymbol(name: string, kind: 'param' | 'forVar' | 'patternVar', type: Type, definition: Param | Expr | Pattern): MutableSymbol {
    return this.add(new LocalSymbol(this.nextId, name, kind, type, definition));
  }

  /** The symbol of binding `b`, of type `type` until its body is checked. */
  newBindingSymbol(b: Binding, kind: 'topLevel' | 'local', type: Type, isRec: boolean): BindingSymbol {
    return this.add(new BindingSymbol(this.nextId, kind, type, b, isRec));
  }

  private add<S extends MutableSymbol>(s: S): S {
    this.nextId++;
    this.recent[this.recentSymbols++] = s;
    return s;
  }

  forgetRecent(): void {
    this.recentSymbols = 0;
  }

  push(): void {
    this.scopeStarts[this.depth++] = this.top;
  }

  pop(): void {
    if (this.depth <= 1) throw new Error('internal error: popped the module scope');
    const start = this.scopeStarts[--this.depth]!;
    for (let i = this.top - 1; i >= start; i--) this.defined[i]!.symbol = this.shadowed[i];
    this.top = start;
  }

  /**
   * Bind `symbol` under its name in the innermost scope. Returns the symbol it shadows, if any (in
   * the module scope, the only one open there, that is a duplicate definition).
   */
  define(symbol: MutableSymbol): MutableSymbol | undefined {
    let slot = this.slots.get(symbol.name);
    if (slot === undefined) {
      slot = { name: symbol.name, symbol: undefined, intrinsic: undefined, members: undefined };
      this.slots.set(symbol.name, slot);
    }
    const shadowed = slot.symbol;
    this.defined[this.top] = slot;
    this.shadowed[this.top] = shadowed;
    this.top++;
    slot.symbol = symbol;
    return shadowed;
  }

  /** The slot of `name`, if it was ever defined or names an intrinsic. */
  slot(name: string): NameSlot | undefined {
    return this.slots.get(name);
  }

  /**
   * Every name in scope, for "did you mean" suggestions: scope by scope from the outermost, each
   * name once per scope where it was first defined there (a shadowed name appears once per scope).
   */
  names(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.depth; k++) {
      const end = k + 1 < this.depth ? this.scopeStarts[k + 1]! : this.top;
      const seen = new Set<string>();
      for (let i = this.scopeStarts[k]!; i < end; i++) {
        const name = this.defined[i]!.name;
        if (!seen.has(name)) out.push(name);
        seen.add(name);
      }
    }
    return out;
  }
}

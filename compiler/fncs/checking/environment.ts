/**
 * Name scopes and symbols. A scope maps names to symbols; blocks, function bodies and match arms
 * push scopes, and lookups go from the innermost outwards, so later `let`s shadow earlier ones as in
 * F#. Symbols are created here with program-unique ids.
 */
import type { Binding, Expr, Param, Pattern } from '../syntax/ast.js';
import type { Symbol, SymbolKind } from '../psg/program.js';
import type { Type } from './types.js';

/** The checker's own, still-mutable view of a symbol: its type is zonked once checking ends. */
export interface MutableSymbol extends Symbol {
  type: Type;
  typeParams: Type[];
}

export class Environment {
  private readonly scopes: Map<string, MutableSymbol>[] = [new Map()];
  private nextId = 0;

  /** The id the next symbol will get (used to tell a function's own symbols from captured ones). */
  get nextSymbolId(): number {
    return this.nextId;
  }

  newSymbol(name: string, kind: SymbolKind, mutable: boolean, type: Type, definition: Binding | Param | Expr | Pattern): MutableSymbol {
    return { id: this.nextId++, name, kind, mutable, type, typeParams: [], definition };
  }

  push(): void {
    this.scopes.push(new Map());
  }

  pop(): void {
    if (this.scopes.length <= 1) throw new Error('internal error: popped the module scope');
    this.scopes.pop();
  }

  /** Bind `symbol` under its name in the innermost scope. */
  define(symbol: MutableSymbol): void {
    this.scopes[this.scopes.length - 1]!.set(symbol.name, symbol);
  }

  lookup(name: string): MutableSymbol | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i]!.get(name);
      if (s !== undefined) return s;
    }
    return undefined;
  }

  /** Whether `name` is already defined in the innermost scope (for duplicate checks). */
  definedHere(name: string): boolean {
    return this.scopes[this.scopes.length - 1]!.has(name);
  }

  /** Every name in scope, for "did you mean" suggestions. */
  names(): string[] {
    return this.scopes.flatMap((s) => [...s.keys()]);
  }
}

/**
 * The type arguments of one use of a generic intrinsic, by generic parameter name (`'T` → `byte`):
 * a read-only map over the scheme's own list of names and a list of types, one per name.
 *
 * Why not a `Map`: the checker builds one for every use of a generic intrinsic (`NativePtr.get`
 * and the like are everywhere in low-level code), and a `Map` is a hash table of its own, several
 * times the size of two short lists, one of them shared. Lookups scan the names, which number one
 * or two.
 */
import type { Type } from './types.js';

export class TypeArgMap implements ReadonlyMap<string, Type> {
  /**
   * `names` are the scheme's generic parameters (shared, never written); `types` has one type per
   * name, in the same order, and is the checker's own (it zonks them in place).
   */
  constructor(
    private readonly names: readonly string[],
    readonly types: Type[],
  ) {}

  get size(): number {
    return this.names.length;
  }

  get(name: string): Type | undefined {
    const i = this.names.indexOf(name);
    return i < 0 ? undefined : this.types[i];
  }

  has(name: string): boolean {
    return this.names.includes(name);
  }

  forEach(f: (type: Type, name: string, map: ReadonlyMap<string, Type>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.names.length; i++) f.call(thisArg, this.types[i]!, this.names[i]!, this);
  }

  *entries(): MapIterator<[string, Type]> {
    for (let i = 0; i < this.names.length; i++) yield [this.names[i]!, this.types[i]!];
  }

  *keys(): MapIterator<string> {
    yield* this.names;
  }

  *values(): MapIterator<Type> {
    yield* this.types;
  }

  [Symbol.iterator](): MapIterator<[string, Type]> {
    return this.entries();
  }
}

/**
 * Attribute records shared by the ops of one module. Attributes are immutable, so ops whose
 * attributes are equal can hold one record: a large program has tens of thousands of constants,
 * calls and field accesses but only a few thousand distinct attribute records among them, and every
 * record made is kept alive by the module (memory the collector has to copy and promote).
 *
 * One instance per `ModuleBuilder`, so nothing outlives the module it was made for. `integerKey`,
 * the map key of a constant's value, serves the constant table (`constants.ts`) too.
 */
import { attr, type Attributes } from './ir.js';
import { fitsWidth } from './opForms.js';
import { printType, type IntType, type MlirType } from './types.js';

/** The key of an integer value: a number when it is one exactly (cheap to hash), else the bigint. */
export function integerKey(value: number | bigint | boolean): number | bigint {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  // Converted once and checked as a number (two bigint comparisons cost more): a bigint outside
  // the safe range never converts to a safe integer, one inside converts exactly.
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** The value of `key` in `map`, made by `make` (and kept) the first time it is asked for. */
export function memo<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make(key);
    map.set(key, v);
  }
  return v;
}

// The makers `memo` is given: module-level functions, so a lookup that finds its record allocates nothing.
const calleeRecord = (name: string): Attributes => ({ callee: attr.symbol(name) });
const globalNameRecord = (symbol: string): Attributes => ({ global_name: attr.symbol(symbol) });
const elemTypeRecord = (type: MlirType): Attributes => ({ elem_type: attr.type(type) });
const newGepMap = (): Map<number, Attributes> => new Map();

/** The shared records of one module, made on first use. */
export class SharedAttributes {
  /** By width: the integer types are the one interned type per width, and an array index costs less than a map lookup. */
  private readonly constants: (Map<number | bigint, Attributes> | undefined)[] = [];
  private readonly callees = new Map<string, Attributes>();
  private readonly globalNames = new Map<string, Attributes>();
  private readonly elemTypes = new Map<MlirType, Attributes>();
  /** By index: positions are small numbers. */
  private readonly positions: (Attributes | undefined)[] = [];
  private readonly geps = new Map<MlirType, Map<number, Attributes>>();

  /** `{ value }` of `arith.constant value : type`; throws when the value does not fit the type (a bug in the caller). */
  constant(type: IntType, value: number | bigint | boolean): Attributes {
    let byValue = this.constants[type.width];
    if (byValue === undefined) this.constants[type.width] = byValue = new Map();
    const key = integerKey(value);
    let a = byValue.get(key);
    if (a === undefined) {
      const v = typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value);
      if (!fitsWidth(v, type.width)) throw new Error(`internal error in the MLIR builder: constant ${v} does not fit in ${printType(type)}`);
      a = { value: attr.int(v, type) };
      byValue.set(key, a);
    }
    return a;
  }

  /** `{ callee: @name }` of a call. */
  callee(name: string): Attributes {
    return memo(this.callees, name, calleeRecord);
  }

  /** `{ global_name: @symbol }` of `llvm.mlir.addressof`. */
  globalName(symbol: string): Attributes {
    return memo(this.globalNames, symbol, globalNameRecord);
  }

  /** `{ elem_type }` of `llvm.alloca`. */
  elemType(type: MlirType): Attributes {
    return memo(this.elemTypes, type, elemTypeRecord);
  }

  /** `{ rawConstantIndices, elem_type }` of a one-index `llvm.getelementptr` (`DYNAMIC_INDEX` when the index is an operand). */
  gep(elemType: MlirType, rawIndex: number): Attributes {
    const byIndex = memo(this.geps, elemType, newGepMap);
    let a = byIndex.get(rawIndex);
    if (a === undefined) {
      a = { rawConstantIndices: attr.dense(32, [rawIndex]), elem_type: attr.type(elemType) };
      byIndex.set(rawIndex, a);
    }
    return a;
  }

  /** `{ position }` of `llvm.insertvalue` / `llvm.extractvalue`; shared when the position is one index, the common case. */
  position(position: readonly number[]): Attributes {
    if (position.length !== 1) return { position: attr.dense(64, position) };
    const index = position[0]!;
    return (this.positions[index] ??= { position: attr.dense(64, [index]) });
  }
}

/**
 * Attribute records shared by the ops of one module. Attributes are immutable, so ops whose
 * attributes are equal can hold one record: a large program has tens of thousands of constants,
 * calls and field accesses but only a few thousand distinct attribute records among them, and every
 * record made is kept alive by the module (memory the collector has to copy and promote).
 *
 * One instance per `ModuleBuilder`, so nothing outlives the module it was made for.
 */
import { attr, type Attributes } from './ir.js';
import { fitsWidth } from './opForms.js';
import { printType, type IntType, type MlirType } from './types.js';

const minSafe = BigInt(Number.MIN_SAFE_INTEGER);
const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

/** The key of an integer value: a number when it is one exactly (cheap to hash), else the bigint. */
export function integerKey(value: number | bigint | boolean): number | bigint {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return value >= minSafe && value <= maxSafe ? Number(value) : value;
}

/** The shared records of one module, made on first use. */
export class SharedAttributes {
  private readonly constants = new Map<IntType, Map<number | bigint, Attributes>>();
  private readonly callees = new Map<string, Attributes>();
  private readonly globalNames = new Map<string, Attributes>();
  private readonly elemTypes = new Map<MlirType, Attributes>();
  private readonly positions = new Map<number, Attributes>();

  /** `{ value }` of `arith.constant value : type`; throws when the value does not fit the type (a bug in the caller). */
  constant(type: IntType, value: number | bigint | boolean): Attributes {
    let byValue = this.constants.get(type);
    if (byValue === undefined) {
      byValue = new Map();
      this.constants.set(type, byValue);
    }
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
    let a = this.callees.get(name);
    if (a === undefined) {
      a = { callee: attr.symbol(name) };
      this.callees.set(name, a);
    }
    return a;
  }

  /** `{ global_name: @symbol }` of `llvm.mlir.addressof`. */
  globalName(symbol: string): Attributes {
    let a = this.globalNames.get(symbol);
    if (a === undefined) {
      a = { global_name: attr.symbol(symbol) };
      this.globalNames.set(symbol, a);
    }
    return a;
  }

  /** `{ elem_type }` of `llvm.alloca`. */
  elemType(type: MlirType): Attributes {
    let a = this.elemTypes.get(type);
    if (a === undefined) {
      a = { elem_type: attr.type(type) };
      this.elemTypes.set(type, a);
    }
    return a;
  }

  /** `{ position }` of `llvm.insertvalue` / `llvm.extractvalue`; shared when the position is one index, the common case. */
  position(position: readonly number[]): Attributes {
    if (position.length !== 1) return { position: attr.dense(64, position) };
    const index = position[0]!;
    let a = this.positions.get(index);
    if (a === undefined) {
      a = { position: attr.dense(64, [index]) };
      this.positions.set(index, a);
    }
    return a;
  }
}

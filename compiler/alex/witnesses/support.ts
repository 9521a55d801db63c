/** Calls of the support functions (`SUPPORT` in the intrinsic table) that lowering itself needs. */
import { SUPPORT } from '../../intrinsics/table.js';
import type { Loc, Value } from '../ir/ir.js';
import type { Lowerer } from './context.js';
import { abiSignature } from './types2mlir.js';

/** `llvm.call @symbol(args)`, declaring the function once; the result (a void call's is undefined). */
export function callSupport(L: Lowerer, f: (typeof SUPPORT)[keyof typeof SUPPORT], args: readonly Value[], loc: Loc): Value {
  const abi = abiSignature(f);
  return L.b.callExternal(f.symbol, abi.params, abi.result, args, loc)!;
}

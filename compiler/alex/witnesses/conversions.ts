/** Integer conversions between MLIR widths, by the signedness of the F# source type (F#'s wrap/extend rules). */
import { arith } from '../ir/builder.js';
import type { Loc, Value } from '../ir/ir.js';
import type { MlirType } from '../ir/types.js';
import type { Lowerer } from './context.js';

/** Convert `v` (of F# signedness `signed`) to the integer type `to`: sign/zero-extend, truncate, or keep. */
export function convertInt(L: Lowerer, v: Value, signed: boolean, to: MlirType, loc: Loc): Value {
  if (v.type.kind !== 'int' || to.kind !== 'int') return v;
  if (v.type.width === to.width) return v;
  if (v.type.width > to.width) return L.b.cast(arith.trunci, v, to, loc);
  return L.b.cast(signed ? arith.extsi : arith.extui, v, to, loc);
}

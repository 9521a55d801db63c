/**
 * The public surface of the MLIR IR: types, the data model, the op table, the builder Alex
 * emits with, the printer, the text parser and the verifier.
 */
export {
  type MlirType, type IntType, type IntWidth, type FuncType, type StructType, type ArrayType,
  intType, i1, i8, i16, i32, i64, ptr, llvmVoid, none, structType, arrayType, funcType, stringType,
  typeEquals, isInt, printType, parseType, type,
} from './types.js';
export {
  type Loc, type Value, type Attribute, type Attributes, type Operation, type Block, type Region, type Successor, type Module,
  type CmpPredicate, type Linkage, cmpPredicates, linkages, unknownLoc, formatLoc, attr, getAttr, signedValue, walk, DYNAMIC_INDEX,
} from './ir.js';
export { type OpSpec, type Arity, type VerifyContext, opSpecs, opsByName, typeAtPosition } from './ops.js';
export { printIntLiteral, escapeBytes } from './literalForms.js';
export { OpBuilder, type BinaryOp, type CastOp, type OpExtras } from './builder.js';
export { type BlockScopes } from './insertionPoint.js';
export { FunctionBuilder } from './functionBuilder.js';
export { ModuleBuilder, type StringGlobal } from './moduleBuilder.js';
export { printModule, printOp, printLoc, type PrintOptions } from './printer.js';
export { parseMlir, formatParseError, type MlirParseResult, type MlirParseError } from './mlirText2Ir.js';
export { verifyModule, type VerifyFailure } from './verifier.js';

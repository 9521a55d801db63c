/**
 * The op table as the verifier and the printer read it: one record per op kind, with what checking
 * and printing every op of the kind needs worked out once (count bounds, attribute specs by key,
 * terminator placement; the name and form as a printing function). Table entries differ in which
 * fields they set, so reading them for every op would be a slow, shape-generic property access;
 * these records all have one shape.
 *
 * An op made by the builders carries its kind (`Operation.kind`, set by `makeOp`), as an MLIR
 * operation carries its registered name: the walks over it read a field rather than look its name
 * up, twice per op, in a map.
 */
import { noAttributes, type Operation } from './ir.js';
import { compileForm, type FormPrinter } from './formPrinter.js';
import { opSpecs, type Arity, type AttrSpec, type OpSpec, type TypeRule } from './ops.js';
import { encodeText, type EncodedText } from './textBuffer.js';

/** An op kind: its table entry, and what is derived from it. */
export interface OpKind {
  readonly spec: OpSpec;
  /** Operand and result counts: at least `min`, and at most `max` (-1 for no limit). */
  readonly minOperands: number;
  readonly maxOperands: number;
  readonly minResults: number;
  readonly maxResults: number;
  readonly regions: number;
  readonly successors: number;
  /** The attributes the op may carry, by key and in the table's order; `required` counts those it must. */
  readonly attrs: ReadonlyMap<string, AttrSpec>;
  readonly attrKeys: readonly string[];
  readonly attrSpecs: readonly AttrSpec[];
  readonly required: number;
  readonly verifySymbols: OpSpec['verifySymbols'];
  readonly isolated: boolean;
  readonly symbol: boolean;
  readonly isTerminator: boolean;
  /** The ops whose blocks a terminator may end (any, if undefined). */
  readonly parents: readonly string[] | undefined;
  /** How it is printed: its name, as bytes, with the fixed text its form starts with (most start with a space), then the rest of its form. */
  readonly head: EncodedText;
  /** `head` after ` = `, for an op with results: one piece the more per op. */
  readonly definingHead: EncodedText;
  readonly print: FormPrinter;
  /** The type rules (`OpSpec.verify`) as a list, so that the verifier calls each directly. */
  readonly rules: readonly TypeRule[];
}

/** The printed heads and the printing function of `spec`'s form: the hand-written one, or its directive list compiled. */
function printingOf(spec: OpSpec): { head: EncodedText; definingHead: EncodedText; print: FormPrinter } {
  const form = spec.form;
  const lead = !('print' in form) && form[0]?.d === 'lit' ? form[0].text : '';
  const print = 'print' in form ? form.print : compileForm(lead === '' ? form : form.slice(1), spec.name);
  return { head: encodeText(spec.name + lead), definingHead: encodeText(` = ${spec.name}${lead}`), print };
}

const bounds = (a: Arity): readonly [number, number] => (typeof a === 'number' ? [a, a] : [a.min, -1]);

/** Every op kind, by name. */
export const kinds: ReadonlyMap<string, OpKind> = new Map<string, OpKind>(
  opSpecs.map((spec) => {
    const attrs = new Map(Object.entries(spec.attrs ?? {}));
    const [minOperands, maxOperands] = bounds(spec.operands);
    const [minResults, maxResults] = bounds(spec.results);
    const { head, definingHead, print } = printingOf(spec);
    const kind: OpKind = {
      spec, minOperands, maxOperands, minResults, maxResults, regions: spec.regions ?? 0, successors: spec.successors ?? 0,
      attrs, attrKeys: [...attrs.keys()], attrSpecs: [...attrs.values()], required: [...attrs.values()].filter((a) => a.optional !== true).length,
      verifySymbols: spec.verifySymbols, isolated: spec.isolated === true, symbol: spec.symbol === true, isTerminator: spec.terminator !== undefined, parents: spec.terminator?.parents,
      head, definingHead, print,
      rules: spec.verify === undefined ? [] : typeof spec.verify === 'function' ? [spec.verify] : spec.verify,
    };
    return [spec.name, kind];
  }),
);

/** The kind of `op`: the one it was made with, or (for an op written as a literal) the table's by its name. */
export const kindOf = (op: Operation): OpKind | undefined => op.kind ?? kinds.get(op.name);

/** Whether a count `n` is within `min` and `max` (-1: no limit). */
export const fits = (n: number, min: number, max: number): boolean => n >= min && (max < 0 || n <= max);

/**
 * Whether `attributes` are those the kind allows, each of the right kind, with every required one
 * present. The shared empty record needs no look; otherwise one pass over the op's own keys, which
 * for most ops are one or two, and usually in the table's order, so that a comparison finds each
 * one's spec.
 */
export function attributesFit(kind: OpKind, attributes: Operation['attributes']): boolean {
  if (attributes === noAttributes) return kind.required === 0;
  let required = 0;
  let i = 0;
  for (const key in attributes) {
    const want = key === kind.attrKeys[i] ? kind.attrSpecs[i] : kind.attrs.get(key);
    i++;
    const a = attributes[key];
    if (want === undefined || a === undefined || a.kind !== want.kind) return false;
    if (want.optional !== true) required++;
  }
  return required === kind.required;
}

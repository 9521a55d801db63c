/**
 * The language in which the op table states each op's custom textual form, and its two readings:
 * the printer's and the text parser's.
 *
 * A form is a list of directives (`lit`, `operand`, `type`, `symbol`, …) read left to right:
 * printing writes each piece of an op, parsing reads the same pieces back into a `ParsedOp`.
 * For printing, each form is compiled once into a function (`compileForm`, in `formPrinter.ts`),
 * since the printer writes every op of a large module.
 * Forms that a directive list cannot say (functions, `scf.if`, `scf.while`, GEP indices, literals)
 * are written by hand (`CustomForm`, in `opForms.ts` and `literalForms.ts`) against the same
 * `OpPrinter`/`OpParser` interfaces, which the printer and the parser implement.
 */
import type { Attribute, Region, Successor, Value } from './ir.js';
import type { Token, TokenCursor } from './lexer.js';
import type { EncodedText } from './textBuffer.js';
import { typeEquals, type MlirType } from './types.js';

/** What an op form may ask of the printer. */
export interface OpPrinter {
  /** Raw text (punctuation, keywords, spaces). */
  text(s: string): void;
  /** Raw text already encoded (`encodeText`): a form's fixed pieces, written for every op of its kind. */
  bytes(b: EncodedText): void;
  /** `%name`, `%name#1` */
  value(v: Value): void;
  /** `%a, %b`: the values from `from` on. */
  values(vs: readonly Value[], from: number): void;
  type(t: MlirType): void;
  /** `t1, t2` */
  types(ts: readonly MlirType[]): void;
  /** `t1, t2`: the types of the values from `from` on. */
  valueTypes(vs: readonly Value[], from: number): void;
  /**
   * `{`, the blocks, `}` at the op's indentation. The entry block's arguments are printed as a
   * `^bb0(...)` label unless `entryArgsShown` says the op's header already names them.
   */
  region(r: Region, entryArgsShown: boolean): void;
  /** `^bb1` or `^bb1(%a : i32)` */
  successor(s: Successor): void;
}

/** An SSA name being defined in an op header (a function argument, a `scf.while` iteration argument). */
export interface ArgDef {
  readonly name: Token;
  readonly type: MlirType;
}

/** What an op form may ask of the parser. Every method throws `MlirSyntaxError` on bad text. */
export interface OpParser {
  /** The token stream, for punctuation and keywords. */
  readonly cur: TokenCursor;
  /** A use: `%x` or `%x#1`, resolved in the current scope. */
  operand(): Value;
  /** Zero or more comma-separated uses (zero when the next token is not a value). */
  operands(): Value[];
  type(): MlirType;
  /** One or more comma-separated types. */
  types(): MlirType[];
  /** `@name` */
  symbol(): string;
  /** A `%name` about to be defined by a region header. */
  newName(): Token;
  /** An integer literal with its token (decimal, negative or hex). */
  integer(): { readonly value: bigint; readonly token: Token };
  /** `{ blocks }`, with `entryArgs` bound to the entry block's arguments; `isolated` hides outer values. */
  region(entryArgs: readonly ArgDef[] | undefined, isolated: boolean): Region;
  /** `^bb1` or `^bb1(%a : i32)` */
  successor(): Successor;
  /** Check that a value written with a type has that type. */
  checkType(v: Value, t: MlirType, at: Token): void;
  /** Report a located error. */
  fail(message: string, at?: Token): never;
}

/** A hand-written form (`opForms.ts`, `literalForms.ts`): its printer and its parser. */
export interface CustomForm {
  readonly print: (op: OpView, p: OpPrinter) => void;
  readonly parse: (p: OpParser) => ParsedOp;
}

/** What parsing an op's form yields; the parser adds the results, location and identity. */
export interface ParsedOp {
  operands: Value[];
  resultTypes: MlirType[];
  attributes: Record<string, Attribute>;
  regions: Region[];
  successors: Successor[];
}

export const emptyParsed = (): ParsedOp => ({ operands: [], resultTypes: [], attributes: {}, regions: [], successors: [] });

/** An op as a form sees it while printing: the fields of `Operation` that forms read. */
export interface OpView {
  readonly operands: readonly Value[];
  readonly results: readonly Value[];
  readonly attributes: Readonly<Record<string, Attribute>>;
  readonly regions: readonly Region[];
  readonly successors: readonly Successor[];
}

/** Which values a `type` directive stands for. */
export type Slot =
  | { readonly of: 'result'; readonly index: number }
  | { readonly of: 'operand'; readonly index: number }
  | { readonly of: 'operands'; readonly from: number };

export type Directive =
  /** Fixed text; parsing expects each space-separated word as a token. */
  | { readonly d: 'lit'; readonly text: string }
  | { readonly d: 'operand'; readonly index: number }
  /** Operands from `from` on, comma-separated, possibly none. */
  | { readonly d: 'operands'; readonly from: number }
  /** One type written once for several values: the results it names take it, the operands must have it. */
  | { readonly d: 'type'; readonly slots: readonly Slot[] }
  /** The types of the operands from `from` on, comma-separated (one per operand). */
  | { readonly d: 'operandTypes'; readonly from: number }
  /** A keyword attribute from a fixed set (`slt`, `internal`). */
  | { readonly d: 'enum'; readonly attr: string; readonly values: readonly string[] }
  /** A type stored as a type attribute (`elem_type`). */
  | { readonly d: 'typeAttr'; readonly attr: string }
  /** `@name` stored as a symbol attribute. */
  | { readonly d: 'symbol'; readonly attr: string }
  /** `[0, 1]` stored as a dense i64 attribute. */
  | { readonly d: 'positions'; readonly attr: string }
  /** `(operand types) -> result` or `-> ()`: a call's function type. */
  | { readonly d: 'callType' }
  /** The inner directives, printed only when the op has operands past `from`; parsed only when a value comes next. */
  | { readonly d: 'ifOperands'; readonly from: number; readonly then: readonly Directive[] }
  /** Result types not written in the text, computed from what was parsed (a string is an error). */
  | { readonly d: 'infer'; readonly results: (op: ParsedOp) => MlirType[] | string };

/** Directive constructors, so the op table reads as data. */
export const f = {
  lit: (text: string): Directive => ({ d: 'lit', text }),
  operand: (index: number): Directive => ({ d: 'operand', index }),
  operands: (from = 0): Directive => ({ d: 'operands', from }),
  type: (...slots: Slot[]): Directive => ({ d: 'type', slots }),
  operandTypes: (from = 0): Directive => ({ d: 'operandTypes', from }),
  enumAttr: (attr: string, values: readonly string[]): Directive => ({ d: 'enum', attr, values }),
  symbol: (attr: string): Directive => ({ d: 'symbol', attr }),
  typeAttr: (attr: string): Directive => ({ d: 'typeAttr', attr }),
  positions: (attr: string): Directive => ({ d: 'positions', attr }),
  callType: (): Directive => ({ d: 'callType' }),
  ifOperands: (from: number, ...then: Directive[]): Directive => ({ d: 'ifOperands', from, then }),
  infer: (results: (op: ParsedOp) => MlirType[] | string): Directive => ({ d: 'infer', results }),
  result: (index: number): Slot => ({ of: 'result', index }),
  operandSlot: (index: number): Slot => ({ of: 'operand', index }),
  allOperands: (from = 0): Slot => ({ of: 'operands', from }),
} as const;

/** Parse an op's text by its directive list. */
export function parseForm(form: readonly Directive[], p: OpParser, into: ParsedOp = emptyParsed()): ParsedOp {
  for (const d of form) {
    switch (d.d) {
      case 'lit':
        for (const word of d.text.split(/\s+/).filter((w) => w !== '')) p.cur.expect(word);
        break;
      case 'operand':
        into.operands.push(p.operand());
        break;
      case 'operands':
        into.operands.push(...p.operands());
        break;
      case 'type': {
        const at = p.cur.peek();
        const t = p.type();
        for (const s of d.slots) {
          if (s.of === 'result') into.resultTypes[s.index] = t;
          else if (s.of === 'operand') checkOperand(p, into, s.index, t, at);
          else for (let i = s.from; i < into.operands.length; i++) checkOperand(p, into, i, t, at);
        }
        break;
      }
      case 'operandTypes': {
        const at = p.cur.peek();
        const ts = p.types();
        const n = into.operands.length - d.from;
        if (ts.length !== n) p.fail(`expected ${n} types, one per operand, but got ${ts.length}`, at);
        ts.forEach((t, i) => checkOperand(p, into, d.from + i, t, at));
        break;
      }
      case 'enum': {
        const t = p.cur.peek();
        if (t.kind !== 'ident' || !d.values.includes(t.text)) p.cur.fail(`expected one of ${d.values.join(', ')}`);
        p.cur.next();
        into.attributes[d.attr] = { kind: 'enum', value: t.text };
        break;
      }
      case 'symbol':
        into.attributes[d.attr] = { kind: 'symbol', name: p.symbol() };
        break;
      case 'typeAttr':
        into.attributes[d.attr] = { kind: 'type', type: p.type() };
        break;
      case 'positions': {
        p.cur.expect('[');
        const values: number[] = [];
        do {
          const { value, token } = p.integer();
          if (value < 0n || value > 0x7fffffffn) p.fail('expected a non-negative position', token);
          values.push(Number(value));
        } while (p.cur.eat(','));
        p.cur.expect(']', "',' or ']'");
        into.attributes[d.attr] = { kind: 'dense', width: 64, values };
        break;
      }
      case 'callType': {
        const at = p.cur.peek();
        const t = p.type();
        if (t.kind !== 'func') p.fail('expected a function type', at);
        if (t.params.length !== into.operands.length) p.fail(`the call has ${into.operands.length} operands but its type has ${t.params.length} parameters`, at);
        t.params.forEach((pt, i) => checkOperand(p, into, i, pt, at));
        into.resultTypes = [...t.results];
        break;
      }
      case 'ifOperands':
        if (p.cur.peek().kind === 'value') parseForm(d.then, p, into);
        break;
      case 'infer': {
        const r = d.results(into);
        if (typeof r === 'string') p.fail(r);
        into.resultTypes = r;
        break;
      }
    }
  }
  return into;
}

function checkOperand(p: OpParser, into: ParsedOp, index: number, t: MlirType, at: Token): void {
  const v = into.operands[index];
  if (v !== undefined) p.checkType(v, t, at);
}

/** Whether two type lists agree element by element. */
export const typesEqual = (a: readonly MlirType[], b: readonly MlirType[]): boolean => a.length === b.length && a.every((t, i) => typeEquals(t, b[i]!));

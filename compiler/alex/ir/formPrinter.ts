/**
 * The printer's reading of a directive list (`syntax.ts`): each op form, once, when the op table is
 * loaded, becomes one function that writes an op's pieces in order.
 *
 * The function is generated as source text, straight-line code for the form's directives, rather
 * than assembled from a closure per directive: printing calls a form for every op of a module, and
 * a loop over closures makes one call site see every kind of directive, which V8 cannot inline
 * (it stays an indirect call per piece). A generated form calls only the printer's own methods,
 * which its one class makes direct, and the two functions below. Runs of fixed text (the form's
 * literals, and the parentheses around a call's types) are joined and encoded once. The code is
 * built from the op table alone (attribute names and literal text quoted with `JSON.stringify`),
 * never from a module being printed.
 */
import type { Attribute } from './ir.js';
import type { Directive, OpPrinter, OpView, Slot } from './syntax.js';
import { encodeText, type EncodedText } from './textBuffer.js';

/** How one op of a form is printed: the form's directives, turned into one function. */
export type FormPrinter = (op: OpView, p: OpPrinter) => void;

/** `[0, 1]`, a piece generated code leaves to a function (a loop over the attribute's values). */
function printPositions(a: Attribute | undefined, p: OpPrinter): void {
  if (a?.kind !== 'dense') {
    p.text(MISSING_ATTRIBUTE);
    return;
  }
  const values = a.values;
  // Most positions are one small index (a field of a struct), written from a piece made once.
  const first = values[0]!;
  if (values.length === 1 && first >= 0 && first < FEW_POSITIONS && (first | 0) === first) {
    p.bytes((onePosition[first] ??= encodeText(`[${first}]`)));
    return;
  }
  p.text('[');
  for (let i = 0; i < values.length; i++) {
    if (i > 0) p.text(', ');
    p.text(String(values[i]));
  }
  p.text(']');
}

/** `[N]` for the single positions below `FEW_POSITIONS`, kept once made. */
const FEW_POSITIONS = 256;
const onePosition: (EncodedText | undefined)[] = [];

const MISSING_ATTRIBUTE = '<<missing attribute>>';
const quote = (s: string): string => JSON.stringify(s);

/**
 * `@name` of a symbol attribute, encoded once per attribute record: a module's calls share one
 * record per callee, and its name is written at every call.
 */
const symbolTexts = new WeakMap<Attribute, EncodedText>();
function symbolText(a: Extract<Attribute, { kind: 'symbol' }>): EncodedText {
  let text = symbolTexts.get(a);
  if (text === undefined) {
    text = encodeText(`@${a.name}`);
    symbolTexts.set(a, text);
  }
  return text;
}

/** The printer of a directive list; `name` (the op's) names the generated function in CPU profiles. */
export function compileForm(form: readonly Directive[], name = 'form'): FormPrinter {
  const pieces: EncodedText[] = [];
  const body = generate(form.flatMap((d) => directiveCode(d, pieces)), pieces);
  const source = `return function printForm(op, p) {\n${body}\n};\n//# sourceURL=form:${name}`;
  const pieceNames = pieces.map((_, i) => `piece${i}`);
  return new Function('printPositions', 'symbolText', ...pieceNames, source)(printPositions, symbolText, ...pieces) as FormPrinter;
}

/** A form's code as it is generated: statements, and fixed text, which `generate` joins with the text next to it. */
type Code = string | { readonly lit: string };

/**
 * The function body of `code`: fixed text is written with one `p.bytes` per run of it, encoded once,
 * into `pieces`, which the generated function receives as `pieceN`.
 */
function generate(code: readonly Code[], pieces: EncodedText[]): string {
  const lines: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    pieces.push(encodeText(text));
    lines.push(`p.bytes(piece${pieces.length - 1});`);
    text = '';
  };
  for (const c of code) {
    if (typeof c === 'string') {
      flush();
      lines.push(c);
    } else text += c.lit;
  }
  flush();
  return lines.join('\n');
}

/** The type a slot stands for, as an expression (`undefined` when the op lacks that operand or result). */
const slotCode = (slot: Slot): string => (slot.of === 'result' ? `op.results[${slot.index}]?.type` : `op.operands[${slot.of === 'operands' ? slot.from : slot.index}]?.type`);

const missing = (what: string): string => `p.text(${quote(`<<missing ${what}>>`)});`;

/** One directive's code; each statement runs in a block of its own, so their local names do not meet. */
function directiveCode(d: Directive, pieces: EncodedText[]): Code[] {
  switch (d.d) {
    case 'lit':
      return [{ lit: d.text }];
    case 'operand':
      return [`{ const v = op.operands[${d.index}]; if (v === undefined) ${missing('operand')} else p.value(v); }`];
    case 'operands':
      return [`p.values(op.operands, ${d.from});`];
    case 'type': {
      // The first slot the op has gives the type.
      const [first, ...rest] = d.slots.map(slotCode);
      const more = rest.map((code) => ` if (t === undefined) t = ${code};`).join('');
      return [`{ let t = ${first ?? 'undefined'};${more} if (t === undefined) ${missing('type')} else p.type(t); }`];
    }
    case 'operandTypes':
      return [`p.valueTypes(op.operands, ${d.from});`];
    case 'enum':
      return [`{ const a = op.attributes[${quote(d.attr)}]; if (a?.kind === 'enum') p.text(a.value); else ${missing('attribute')} }`];
    case 'symbol':
      return [`{ const a = op.attributes[${quote(d.attr)}]; if (a?.kind === 'symbol') p.bytes(symbolText(a)); else ${missing('attribute')} }`];
    case 'typeAttr':
      return [`{ const a = op.attributes[${quote(d.attr)}]; if (a?.kind === 'type') p.type(a.type); else ${missing('attribute')} }`];
    case 'positions':
      return [`printPositions(op.attributes[${quote(d.attr)}], p);`];
    case 'callType':
      // `(operand types) -> result`, the results parenthesised unless there is exactly one.
      return [
        { lit: '(' },
        'p.valueTypes(op.operands, 0);',
        { lit: ') -> ' },
        `if (op.results.length === 1) p.type(op.results[0].type); else { p.text('('); p.valueTypes(op.results, 0); p.text(')'); }`,
      ];
    case 'ifOperands': {
      // Its own pieces: text inside the condition is not joined with text outside it.
      const body = generate(d.then.flatMap((inner) => directiveCode(inner, pieces)), pieces);
      return [`if (op.operands.length > ${d.from}) {\n${body}\n}`];
    }
    case 'infer':
      return [];
  }
}

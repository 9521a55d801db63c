/**
 * The hand-written textual forms of the ops whose syntax a directive list cannot state:
 * integer constants, function definitions and declarations, `scf.if`, `scf.while`, `cf`
 * branches, `llvm.getelementptr` and string globals. Each is a print/parse pair over the same
 * `OpPrinter`/`OpParser` interfaces the directive interpreter uses, so the op table stays the
 * one place that says how every op is written.
 */
import { attr, DYNAMIC_INDEX, type Attribute, type Region } from './ir.js';
import type { Token } from './lexer.js';
import { emptyParsed, type ArgDef, type OpParser, type OpPrinter, type OpView, type ParsedOp } from './syntax.js';
import { arrayType, funcType, i1, i32, i8, isInt, printType, ptr, type MlirType } from './types.js';

/** A hand-written form. */
export interface CustomForm {
  readonly print: (op: OpView, p: OpPrinter) => void;
  readonly parse: (p: OpParser) => ParsedOp;
}

// ---- arith.constant -----------------------------------------------------------------------------

/**
 * The one rule for printing integer constants: `true`/`false` for i1; an i8 whose top bit is set
 * as two hex digits (`0x81`, the frame-header bytes of the seed); everything else signed decimal.
 */
export function printIntLiteral(value: bigint, type: MlirType): string {
  const width = isInt(type) ? type.width : 64;
  if (width === 1) return value === 0n ? 'false' : 'true';
  // Most constants are small and non-negative: they print as themselves, with no BigInt arithmetic.
  if (value >= 0n && value < 0x80n) return value.toString();
  const bits = BigInt.asUintN(width, value);
  if (width === 8 && bits >= 0x80n) return `0x${bits.toString(16).toUpperCase().padStart(2, '0')}`;
  return BigInt.asIntN(width, bits).toString();
}

/** Whether `value` as written fits `width` bits, read either signed or unsigned (as MLIR accepts). */
export const fitsWidth = (value: bigint, width: number): boolean => value >= -(1n << BigInt(width - 1)) && value < 1n << BigInt(width);

const constantForm: CustomForm = {
  print(op, p) {
    const a = op.attributes['value'];
    if (a?.kind !== 'int') return p.text(' <<missing value>>');
    p.text(' ');
    p.text(printIntLiteral(a.value, a.type));
    if (!(isInt(a.type) && a.type.width === 1)) {
      p.text(' : ');
      p.type(a.type);
    }
  },
  parse(p) {
    const out = emptyParsed();
    if (p.cur.at('true') || p.cur.at('false')) {
      out.attributes['value'] = attr.int(p.cur.next().text === 'true' ? 1 : 0, i1);
      out.resultTypes = [i1];
      return out;
    }
    const { value, token } = p.integer();
    p.cur.expect(':');
    const at = p.cur.peek();
    const t = p.type();
    if (!isInt(t)) return p.fail(`arith.constant needs an integer type, not ${printType(t)}`, at);
    if (!fitsWidth(value, t.width)) p.fail(`integer constant ${token.text} does not fit in ${printType(t)}`, token);
    out.attributes['value'] = attr.int(value, t);
    out.resultTypes = [t];
    return out;
  },
};

// ---- func.func and llvm.func --------------------------------------------------------------------

function printResults(p: OpPrinter, results: readonly MlirType[]): void {
  if (results.length === 1) p.text(` -> ${printType(results[0]!)}`);
  else if (results.length > 1) p.text(` -> (${results.map(printType).join(', ')})`);
}

/** `[private] @name(%a: T, ...) -> R { body }` or the declaration `[private] @name(T, ...) -> R`. */
function functionForm(allowPrivate: boolean): CustomForm {
  return {
    print(op, p) {
      const name = op.attributes['sym_name'];
      const fnType = op.attributes['function_type'];
      const type = fnType?.kind === 'type' && fnType.type.kind === 'func' ? fnType.type : funcType([], []);
      if (op.attributes['sym_visibility']?.kind === 'string') p.text(' private');
      p.text(' @');
      p.text(name?.kind === 'string' ? name.value : '<<missing name>>');
      p.text('(');
      const body = op.regions[0];
      const entry = body?.blocks[0];
      if (entry !== undefined) {
        entry.args.forEach((a, i) => {
          if (i > 0) p.text(', ');
          p.value(a);
          p.text(': ');
          p.type(a.type);
        });
      } else {
        p.types(type.params);
      }
      p.text(')');
      printResults(p, type.results);
      if (body !== undefined && entry !== undefined) {
        p.text(' ');
        p.region(body, true);
      }
    },
    parse(p) {
      const out = emptyParsed();
      if (allowPrivate && p.cur.eat('private')) out.attributes['sym_visibility'] = attr.string('private');
      out.attributes['sym_name'] = attr.string(p.symbol());
      p.cur.expect('(');
      const named: ArgDef[] = [];
      const params: MlirType[] = [];
      const withNames = p.cur.peek().kind === 'value';
      if (!p.cur.eat(')')) {
        do {
          if (withNames) {
            const name = p.newName();
            p.cur.expect(':');
            const type = p.type();
            named.push({ name, type });
            params.push(type);
          } else {
            params.push(p.type());
          }
        } while (p.cur.eat(','));
        p.cur.expect(')', "',' or ')'");
      }
      let results: MlirType[] = [];
      if (p.cur.eat('->')) results = p.cur.at('(') ? parseParenTypes(p) : [p.type()];
      out.attributes['function_type'] = attr.type(funcType(params, results));
      if (p.cur.at('{')) {
        if (!withNames && params.length > 0) p.fail('a function with a body must name its arguments (%arg0: i32)');
        out.regions.push(p.region(named, true));
      } else {
        if (withNames) p.fail("expected '{' to start the body of a function with named arguments");
        out.regions.push({ blocks: [] });
      }
      return out;
    },
  };
}

function parseParenTypes(p: OpParser): MlirType[] {
  p.cur.expect('(');
  if (p.cur.eat(')')) return [];
  const ts = p.types();
  p.cur.expect(')', "',' or ')'");
  return ts;
}

// ---- scf.if and scf.while -----------------------------------------------------------------------

const scfIfForm: CustomForm = {
  print(op, p) {
    p.text(' ');
    if (op.operands[0] !== undefined) p.value(op.operands[0]);
    if (op.results.length > 0) {
      p.text(' -> (');
      p.valueTypes(op.results, 0);
      p.text(')');
    }
    p.text(' ');
    p.region(op.regions[0] ?? { blocks: [] }, false);
    const otherwise = op.regions[1];
    if (otherwise !== undefined && otherwise.blocks.length > 0) {
      p.text(' else ');
      p.region(otherwise, false);
    }
  },
  parse(p) {
    const out = emptyParsed();
    const at = p.cur.peek();
    const cond = p.operand();
    p.checkType(cond, i1, at);
    out.operands.push(cond);
    if (p.cur.eat('->')) out.resultTypes = parseParenTypes(p);
    out.regions.push(p.region(undefined, false));
    out.regions.push(p.cur.eat('else') ? p.region(undefined, false) : { blocks: [] });
    return out;
  },
};

const scfWhileForm: CustomForm = {
  print(op, p) {
    const before = op.regions[0] ?? { blocks: [] };
    const args = before.blocks[0]?.args ?? [];
    if (op.operands.length > 0) {
      p.text(' (');
      op.operands.forEach((init, i) => {
        if (i > 0) p.text(', ');
        const a = args[i];
        if (a === undefined) p.text('<<missing argument>>');
        else p.value(a);
        p.text(' = ');
        p.value(init);
      });
      p.text(')');
    }
    p.text(' : (');
    p.valueTypes(op.operands, 0);
    p.text(') -> ');
    // A function type's single result is written bare, unless it is itself a function type.
    const only = op.results.length === 1 ? op.results[0]!.type : undefined;
    if (only !== undefined && only.kind !== 'func') p.type(only);
    else {
      p.text('(');
      p.valueTypes(op.results, 0);
      p.text(')');
    }
    p.text(' ');
    p.region(before, true);
    p.text(' do ');
    p.region(op.regions[1] ?? { blocks: [] }, false);
  },
  parse(p) {
    const out = emptyParsed();
    const names: Token[] = [];
    if (p.cur.eat('(')) {
      do {
        names.push(p.newName());
        p.cur.expect('=');
        out.operands.push(p.operand());
      } while (p.cur.eat(','));
      p.cur.expect(')', "',' or ')'");
    }
    p.cur.expect(':');
    const at = p.cur.peek();
    const t = p.type();
    if (t.kind !== 'func') return p.fail('expected the function type of the loop, (inits) -> (results)', at);
    if (t.params.length !== out.operands.length) p.fail(`the loop has ${out.operands.length} initial values but its type has ${t.params.length}`, at);
    t.params.forEach((pt, i) => p.checkType(out.operands[i]!, pt, at));
    out.resultTypes = [...t.results];
    out.regions.push(p.region(names.map((name, i) => ({ name, type: t.params[i]! })), false));
    p.cur.expect('do');
    out.regions.push(p.region(undefined, false));
    return out;
  },
};

// ---- cf.br and cf.cond_br -----------------------------------------------------------------------

const brForm: CustomForm = {
  print(op, p) {
    op.successors.forEach((s) => {
      p.text(' ');
      p.successor(s);
    });
  },
  parse(p) {
    const out = emptyParsed();
    out.successors.push(p.successor());
    return out;
  },
};

const condBrForm: CustomForm = {
  print(op, p) {
    p.text(' ');
    if (op.operands[0] !== undefined) p.value(op.operands[0]);
    op.successors.forEach((s) => {
      p.text(', ');
      p.successor(s);
    });
  },
  parse(p) {
    const out = emptyParsed();
    const at = p.cur.peek();
    const cond = p.operand();
    p.checkType(cond, i1, at);
    out.operands.push(cond);
    p.cur.expect(',');
    out.successors.push(p.successor());
    p.cur.expect(',');
    out.successors.push(p.successor());
    return out;
  },
};

// ---- llvm.getelementptr -------------------------------------------------------------------------

/** `%base[0, %i] : (!llvm.ptr, i64) -> !llvm.ptr, i8` */
const gepForm: CustomForm = {
  print(op, p) {
    const raw = op.attributes['rawConstantIndices'];
    const elem = op.attributes['elem_type'];
    const base = op.operands[0];
    p.text(' ');
    if (base !== undefined) p.value(base);
    p.text('[');
    let dynamic = 1;
    (raw?.kind === 'dense' ? raw.values : []).forEach((idx, i) => {
      if (i > 0) p.text(', ');
      const v = idx === DYNAMIC_INDEX ? op.operands[dynamic++] : undefined;
      if (v !== undefined) p.value(v);
      else p.text(String(idx));
    });
    p.text('] : (');
    p.valueTypes(op.operands, 0);
    p.text(') -> ');
    p.type(op.results[0]?.type ?? ptr);
    p.text(`, ${elem?.kind === 'type' ? printType(elem.type) : '<<missing type>>'}`);
  },
  parse(p) {
    const out = emptyParsed();
    out.operands.push(p.operand());
    p.cur.expect('[');
    const raw: number[] = [];
    do {
      if (p.cur.peek().kind === 'value') {
        out.operands.push(p.operand());
        raw.push(DYNAMIC_INDEX);
      } else {
        const { value, token } = p.integer();
        if (!fitsWidth(value, 32) || value >= 1n << 31n || value === BigInt(DYNAMIC_INDEX)) p.fail('a constant GEP index must fit in i32', token);
        raw.push(Number(value));
      }
    } while (p.cur.eat(','));
    p.cur.expect(']', "',' or ']'");
    p.cur.expect(':');
    const at = p.cur.peek();
    const ts = parseParenTypes(p);
    if (ts.length !== out.operands.length) p.fail(`expected ${out.operands.length} operand types (the base and each SSA index) but got ${ts.length}`, at);
    ts.forEach((t, i) => p.checkType(out.operands[i]!, t, at));
    p.cur.expect('->');
    out.resultTypes = [p.type()];
    p.cur.expect(',');
    out.attributes['elem_type'] = attr.type(p.type());
    out.attributes['rawConstantIndices'] = attr.dense(32, raw);
    return out;
  },
};

// ---- llvm.mlir.global ---------------------------------------------------------------------------

/** MLIR's string escaping: printable ASCII as is, `\\` for backslash, `\XX` for every other byte. */
export function escapeBytes(bytes: Uint8Array | readonly number[]): string {
  let s = '';
  for (const b of bytes) {
    if (b === 0x5c) s += '\\\\';
    else if (b >= 0x20 && b < 0x7f && b !== 0x22) s += String.fromCharCode(b);
    else s += `\\${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return s;
}

/** `escapeBytes` of the UTF-8 of `text`; most strings are printable ASCII, which is its own escape. */
function escapeString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return escapeBytes(new TextEncoder().encode(text));
  }
  return text;
}

/** `internal constant @str0("hello\0A") {addr_space = 0 : i32}`: a string held as `!llvm.array<N x i8>`. */
const globalForm: CustomForm = {
  print(op, p) {
    const linkage = op.attributes['linkage'];
    const name = op.attributes['sym_name'];
    const value = op.attributes['value'];
    const space = op.attributes['addr_space'];
    p.text(` ${linkage?.kind === 'enum' ? linkage.value : 'internal'}`);
    if (op.attributes['constant'] !== undefined) p.text(' constant');
    p.text(` @${name?.kind === 'string' ? name.value : '<<missing name>>'}`);
    p.text(`("${value?.kind === 'string' ? escapeString(value.value) : ''}")`);
    p.text(` {addr_space = ${space?.kind === 'int' ? space.value : 0n} : i32}`);
  },
  parse(p) {
    const out = emptyParsed();
    const linkage = p.cur.peek();
    if (linkage.kind !== 'ident' || !['private', 'internal', 'external'].includes(linkage.text)) p.cur.fail('expected a linkage (private, internal, external)');
    p.cur.next();
    out.attributes['linkage'] = attr.enum(linkage.text);
    if (p.cur.eat('constant')) out.attributes['constant'] = attr.unit();
    out.attributes['sym_name'] = attr.string(p.symbol());
    p.cur.expect('(');
    const str = p.cur.expectKind('string', 'a string value');
    p.cur.expect(')');
    const bytes = Uint8Array.from(str.bytes ?? []);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return p.fail('a string global must hold valid UTF-8', str);
    }
    out.attributes['value'] = attr.string(text);
    out.attributes['global_type'] = attr.type(arrayType(bytes.length, i8));
    let space: Attribute = attr.int(0, i32);
    if (p.cur.eat('{')) {
      const key = p.cur.expectKind('ident', 'addr_space');
      if (key.text !== 'addr_space') p.fail(`unsupported global attribute '${key.text}'`, key);
      p.cur.expect('=');
      const { value } = p.integer();
      p.cur.expect(':');
      p.cur.expect('i32');
      p.cur.expect('}');
      space = attr.int(value, i32);
    }
    out.attributes['addr_space'] = space;
    if (p.cur.eat(':')) {
      const at = p.cur.peek();
      const t = p.type();
      if (printType(t) !== printType(arrayType(bytes.length, i8))) p.fail(`the global's type must be ${printType(arrayType(bytes.length, i8))}`, at);
    }
    return out;
  },
};

/** The hand-written forms, by the op they belong to. */
export const customForms = {
  constant: constantForm,
  funcFunc: functionForm(true),
  llvmFunc: functionForm(false),
  scfIf: scfIfForm,
  scfWhile: scfWhileForm,
  br: brForm,
  condBr: condBrForm,
  gep: gepForm,
  global: globalForm,
} as const;

/** Whether a region is empty (an external function, an absent `else`). */
export const isEmptyRegion = (r: Region | undefined): boolean => r === undefined || r.blocks.length === 0;

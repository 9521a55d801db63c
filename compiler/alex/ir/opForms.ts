/**
 * The hand-written textual forms of the ops whose syntax a directive list cannot state: function
 * definitions and declarations, `scf.if`, `scf.while`, `cf` branches and `llvm.getelementptr`;
 * the forms of literal values (integer constants, string globals) are in `literalForms.ts`. Each is
 * a print/parse pair over the same `OpPrinter`/`OpParser` interfaces the directive interpreter
 * uses, so the op table stays the one place that says how every op is written. `customForms` is the
 * table of them all.
 */
import { attr, DYNAMIC_INDEX, type Region } from './ir.js';
import type { Token } from './lexer.js';
import { constantForm, fitsWidth, globalForm } from './literalForms.js';
import { emptyParsed, type ArgDef, type CustomForm, type OpParser, type OpPrinter } from './syntax.js';
import { encodeText } from './textBuffer.js';
import { funcType, i1, ptr, type MlirType } from './types.js';

export type { CustomForm } from './syntax.js';
/** Re-exported for `sharedAttributes.ts`, which reads it from here. */
export { fitsWidth } from './literalForms.js';

/** The fixed text of the forms below, encoded once: they are written for every op of their kinds. */
const text = {
  space: encodeText(' '),
  comma: encodeText(', '),
  colon: encodeText(': '),
  open: encodeText('('),
  close: encodeText(')'),
  arrow: encodeText(' -> '),
  arrowOpen: encodeText(' -> ('),
  closeArrow: encodeText(') -> '),
  closeSpace: encodeText(') '),
  equals: encodeText(' = '),
  else: encodeText(' else '),
  do: encodeText(' do '),
  emptyLoopType: encodeText(' : () -> () '),
  loopType: encodeText(' : ('),
  openBracket: encodeText('['),
  closeBracketType: encodeText('] : ('),
  private: encodeText(' private'),
  at: encodeText(' @'),
} as const;

/** The region a form prints for one the op lacks. */
const emptyRegion: Region = { blocks: [] };

// ---- func.func and llvm.func --------------------------------------------------------------------

function printResults(p: OpPrinter, results: readonly MlirType[]): void {
  if (results.length === 1) {
    p.bytes(text.arrow);
    p.type(results[0]!);
  } else if (results.length > 1) {
    p.bytes(text.arrowOpen);
    p.types(results);
    p.bytes(text.close);
  }
}

/** `[private] @name(%a: T, ...) -> R { body }` or the declaration `[private] @name(T, ...) -> R`. */
function functionForm(allowPrivate: boolean): CustomForm {
  return {
    print(op, p) {
      const name = op.attributes['sym_name'];
      const fnType = op.attributes['function_type'];
      const type = fnType?.kind === 'type' && fnType.type.kind === 'func' ? fnType.type : funcType([], []);
      if (op.attributes['sym_visibility']?.kind === 'string') p.bytes(text.private);
      p.bytes(text.at);
      p.text(name?.kind === 'string' ? name.value : '<<missing name>>');
      p.bytes(text.open);
      const body = op.regions[0];
      const entry = body?.blocks[0];
      if (entry !== undefined) {
        const args = entry.args;
        for (let i = 0; i < args.length; i++) {
          if (i > 0) p.bytes(text.comma);
          p.value(args[i]!);
          p.bytes(text.colon);
          p.type(args[i]!.type);
        }
      } else {
        p.types(type.params);
      }
      p.bytes(text.close);
      printResults(p, type.results);
      if (body !== undefined && entry !== undefined) {
        p.bytes(text.space);
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
    p.bytes(text.space);
    if (op.operands[0] !== undefined) p.value(op.operands[0]);
    if (op.results.length > 0) {
      p.bytes(text.arrowOpen);
      p.valueTypes(op.results, 0);
      p.bytes(text.closeSpace);
    } else p.bytes(text.space);
    p.region(op.regions[0] ?? emptyRegion, false);
    const otherwise = op.regions[1];
    if (otherwise !== undefined && otherwise.blocks.length > 0) {
      p.bytes(text.else);
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
    const before = op.regions[0] ?? emptyRegion;
    const args = before.blocks[0]?.args ?? [];
    const inits = op.operands;
    if (inits.length > 0) {
      p.bytes(text.space);
      for (let i = 0; i < inits.length; i++) {
        p.bytes(i > 0 ? text.comma : text.open);
        const a = args[i];
        if (a === undefined) p.text('<<missing argument>>');
        else p.value(a);
        p.bytes(text.equals);
        p.value(inits[i]!);
      }
      p.bytes(text.close);
    }
    // A function type's single result is written bare, unless it is itself a function type.
    const only = op.results.length === 1 ? op.results[0]!.type : undefined;
    if (inits.length === 0 && op.results.length === 0) p.bytes(text.emptyLoopType);
    else {
      p.bytes(text.loopType);
      p.valueTypes(inits, 0);
      p.bytes(text.closeArrow);
      if (only !== undefined && only.kind !== 'func') p.type(only);
      else {
        p.bytes(text.open);
        p.valueTypes(op.results, 0);
        p.bytes(text.close);
      }
      p.bytes(text.space);
    }
    p.region(before, true);
    p.bytes(text.do);
    p.region(op.regions[1] ?? emptyRegion, false);
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
    for (const s of op.successors) {
      p.bytes(text.space);
      p.successor(s);
    }
  },
  parse(p) {
    const out = emptyParsed();
    out.successors.push(p.successor());
    return out;
  },
};

const condBrForm: CustomForm = {
  print(op, p) {
    p.bytes(text.space);
    if (op.operands[0] !== undefined) p.value(op.operands[0]);
    for (const s of op.successors) {
      p.bytes(text.comma);
      p.successor(s);
    }
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
    p.bytes(text.space);
    if (base !== undefined) p.value(base);
    p.bytes(text.openBracket);
    let dynamic = 1;
    const indices = raw?.kind === 'dense' ? raw.values : [];
    for (let i = 0; i < indices.length; i++) {
      if (i > 0) p.bytes(text.comma);
      const idx = indices[i]!;
      const v = idx === DYNAMIC_INDEX ? op.operands[dynamic++] : undefined;
      if (v !== undefined) p.value(v);
      else p.text(String(idx));
    }
    p.bytes(text.closeBracketType);
    p.valueTypes(op.operands, 0);
    p.bytes(text.closeArrow);
    p.type(op.results[0]?.type ?? ptr);
    p.bytes(text.comma);
    if (elem?.kind === 'type') p.type(elem.type);
    else p.text('<<missing type>>');
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

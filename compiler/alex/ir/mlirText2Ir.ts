/**
 * Parses MLIR text, as the printer writes it, back into the IR, so later stages (the interpreter,
 * tests) can start from a `.mlir` file and `print(parse(print(m))) === print(m)`.
 *
 * Each op's text is read by its form in the op table; this file handles what is common to all of
 * them: result names (`%3 =`, `%3:2 =`), scopes of SSA names (function bodies see nothing outside,
 * nested regions see their enclosing blocks), block labels (which may be used before their block),
 * and trailing `loc(...)` locations. Without one, an op's location is its place in the text.
 *
 * Bad text gives a located error value; nothing is thrown to the caller and every loop consumes
 * input, so parsing always ends. Values must be defined before they are used in the text.
 * The module is handed out as the builder hands out its own: deep-frozen only in the checking mode
 * (`FIREFLY_FREEZE_IR=1`).
 */
import { sealModule, type Block, type Loc, type Module, type Operation, type Region, type Successor, type Value } from './ir.js';
import { MlirSyntaxError, tokenize, TokenCursor, type TextPos, type Token } from './lexer.js';
import { opsByName } from './ops.js';
import { parseForm, type ArgDef, type OpParser, type ParsedOp } from './syntax.js';
import { printType, readType, typeEquals, type MlirType } from './types.js';

/** A located parse failure. */
export interface MlirParseError {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export type MlirParseResult = { readonly ok: true; readonly module: Module } | { readonly ok: false; readonly error: MlirParseError };

/** `file(line,col): error: message`, the form the driver prints. */
export const formatParseError = (e: MlirParseError): string => `${e.file}(${e.line},${e.col}): error: ${e.message}`;

/**
 * Parse a module. `file` names the text in errors and in the locations of ops that carry no
 * `loc(...)`. Accepts `module { ... }` or bare top-level ops.
 */
export function parseMlir(text: string, file = '<input>'): MlirParseResult {
  let cur: TokenCursor | undefined;
  try {
    cur = new TokenCursor(tokenize(text));
    return { ok: true, module: new ModuleParser(cur, file).parseModule() };
  } catch (e) {
    if (e instanceof MlirSyntaxError) return { ok: false, error: { file, line: e.pos.line, col: e.pos.col, message: e.message } };
    const at: TextPos = cur?.peek() ?? { line: 1, col: 1 };
    const message = e instanceof RangeError ? 'the text is nested too deeply' : `internal error while parsing: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, error: { file, line: at.line, col: at.col, message } };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };
type MBlock = Mutable<Block>;

/** SSA names visible in one region (and, unless isolated, in the regions around it). */
class Scope {
  readonly values = new Map<string, Value | readonly Value[]>();
  constructor(
    readonly parent: Scope | undefined,
    readonly isolated: boolean,
  ) {}

  lookup(name: string): Value | readonly Value[] | undefined {
    for (let s: Scope | undefined = this; s !== undefined; s = s.isolated ? undefined : s.parent) {
      const v = s.values.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

/** The blocks of the region being parsed, by label, including those only referred to so far. */
interface RegionLabels {
  readonly blocks: Map<string, { block: MBlock; defined: boolean; firstUse: Token }>;
}

class ModuleParser implements OpParser {
  private scope = new Scope(undefined, true);
  private labels: RegionLabels = { blocks: new Map() };

  constructor(
    readonly cur: TokenCursor,
    private readonly file: string,
  ) {}

  parseModule(): Module {
    const start = this.cur.peek();
    const wrapped = this.cur.eat('module');
    if (wrapped) this.cur.expect('{');
    const ops: Operation[] = [];
    while (!(wrapped ? this.cur.at('}') : this.cur.peek().kind === 'eof')) {
      if (this.cur.peek().kind === 'eof') this.cur.fail("expected an op or '}' to close the module");
      ops.push(this.parseOp());
    }
    let loc = this.textLoc(start);
    if (wrapped) {
      this.cur.expect('}');
      loc = this.parseTrailingLoc() ?? loc;
    }
    if (this.cur.peek().kind !== 'eof') this.cur.fail('expected the end of the text after the module');
    return sealModule({ ops, loc });
  }

  private textLoc(t: TextPos): Loc {
    return { file: this.file, line: t.line, col: t.col };
  }

  /** `loc("file":line:col)` or `loc(unknown)` if present. */
  private parseTrailingLoc(): Loc | undefined {
    if (!this.cur.eat('loc')) return undefined;
    this.cur.expect('(');
    if (this.cur.eat('unknown')) {
      this.cur.expect(')');
      return { file: '', line: 0, col: 0 };
    }
    const file = this.cur.expectKind('string', 'a file name or unknown');
    this.cur.expect(':');
    const line = this.cur.expectKind('int', 'a line number');
    this.cur.expect(':');
    const col = this.cur.expectKind('int', 'a column number');
    this.cur.expect(')');
    const name = new TextDecoder().decode(Uint8Array.from(file.bytes ?? []));
    if (!/^[0-9]+$/.test(line.text) || !/^[0-9]+$/.test(col.text)) this.fail('a location needs a decimal line and column', line);
    return { file: name, line: Number(line.text), col: Number(col.text) };
  }

  private parseOp(): Operation {
    const start = this.cur.peek();
    const defs: { name: Token; count: number }[] = [];
    if (start.kind === 'value') {
      do {
        const name = this.newName();
        let count = 1;
        if (this.cur.eat(':')) {
          const n = this.cur.expectKind('int', 'a result count');
          count = Number(n.text);
          if (!/^[0-9]+$/.test(n.text) || count < 1) this.fail('a result count must be a positive number', n);
        }
        defs.push({ name, count });
      } while (this.cur.eat(','));
      this.cur.expect('=');
    }
    const nameTok = this.cur.peek();
    if (nameTok.kind !== 'ident') this.cur.fail('expected an op name');
    this.cur.next();
    // Inside functions mlir-opt writes `return` and `call` without the func dialect.
    const opName = nameTok.text.includes('.') ? nameTok.text : `func.${nameTok.text}`;
    const spec = opsByName.get(opName);
    if (spec === undefined) this.fail(`unknown op '${nameTok.text}'`, nameTok);
    const parsed: ParsedOp = 'parse' in spec.form ? spec.form.parse(this) : parseForm(spec.form, this);
    const loc = this.parseTrailingLoc() ?? this.textLoc(start);
    if (spec.implicitTerminator !== undefined) addImplicitTerminators(parsed.regions, spec.implicitTerminator, loc);
    const named = defs.reduce((n, d) => n + d.count, 0);
    if (named !== parsed.resultTypes.length) {
      this.fail(`'${opName}' has ${parsed.resultTypes.length} result${parsed.resultTypes.length === 1 ? '' : 's'} but ${named} ${named === 1 ? 'is' : 'are'} named`, start);
    }
    const results: Value[] = parsed.resultTypes.map((type, index) => ({ def: 'result', index, type }));
    let next = 0;
    for (const d of defs) {
      const group = results.slice(next, next + d.count);
      next += d.count;
      this.define(d.name, d.count === 1 ? group[0]! : group);
    }
    // The table's own name string, which every op of the kind shares, rather than one per op from the text.
    return { name: spec.name, operands: parsed.operands, results, attributes: parsed.attributes, regions: parsed.regions, successors: parsed.successors, loc };
  }

  private define(name: Token, v: Value | readonly Value[]): void {
    if (this.scope.values.has(name.text)) this.fail(`redefinition of %${name.text}`, name);
    this.scope.values.set(name.text, v);
  }

  // ---- OpParser ---------------------------------------------------------------------------------

  operand(): Value {
    const t = this.cur.expectKind('value', 'an SSA value (%name)');
    const found = this.scope.lookup(t.text);
    if (found === undefined) this.fail(`use of undefined value %${t.text}`, t);
    if (!Array.isArray(found)) {
      if (t.index !== undefined && t.index !== 0) this.fail(`%${t.text} has a single result, there is no #${t.index}`, t);
      return found as Value;
    }
    const group = found as readonly Value[];
    if (t.index === undefined) this.fail(`%${t.text} has ${group.length} results; name one with #0…#${group.length - 1}`, t);
    const v = group[t.index];
    if (v === undefined) this.fail(`%${t.text} has ${group.length} results, there is no #${t.index}`, t);
    return v;
  }

  operands(): Value[] {
    const vs: Value[] = [];
    if (this.cur.peek().kind !== 'value') return vs;
    do vs.push(this.operand());
    while (this.cur.eat(','));
    return vs;
  }

  type(): MlirType {
    return readType(this.cur);
  }

  types(): MlirType[] {
    const ts: MlirType[] = [];
    do ts.push(this.type());
    while (this.cur.eat(','));
    return ts;
  }

  symbol(): string {
    return this.cur.expectKind('symbol', 'a symbol (@name)').text;
  }

  newName(): Token {
    const t = this.cur.expectKind('value', 'a new SSA name (%name)');
    if (t.index !== undefined) this.fail(`a definition cannot name a result number (%${t.text}#${t.index})`, t);
    return t;
  }

  integer(): { readonly value: bigint; readonly token: Token } {
    const token = this.cur.expectKind('int', 'an integer');
    const negative = token.text.startsWith('-');
    const magnitude = BigInt(negative ? token.text.slice(1) : token.text);
    return { value: negative ? -magnitude : magnitude, token };
  }

  checkType(v: Value, t: MlirType, at: Token): void {
    if (!typeEquals(v.type, t)) this.fail(`a value of type ${printType(v.type)} is written here as ${printType(t)}`, at);
  }

  fail(message: string, at: TextPos = this.cur.peek()): never {
    throw new MlirSyntaxError(at, message);
  }

  region(entryArgs: readonly ArgDef[] | undefined, isolated: boolean): Region {
    this.cur.expect('{');
    const savedScope = this.scope;
    const savedLabels = this.labels;
    this.scope = new Scope(savedScope, isolated);
    this.labels = { blocks: new Map() };
    try {
      const blocks: MBlock[] = [];
      let current: MBlock | undefined;
      if (entryArgs !== undefined || (!this.cur.at('}') && this.cur.peek().kind !== 'label')) {
        current = { args: [], ops: [] };
        for (const a of entryArgs ?? []) {
          const v: Value = { def: 'arg', index: current.args.length, type: a.type };
          this.define(a.name, v);
          current.args.push(v);
        }
        blocks.push(current);
      }
      while (!this.cur.eat('}')) {
        const t = this.cur.peek();
        if (t.kind === 'eof') this.cur.fail("expected '}' to close the region");
        if (t.kind === 'label') {
          current = this.parseBlockHeader();
          blocks.push(current);
          continue;
        }
        if (current === undefined) this.cur.fail('expected a block label');
        current.ops.push(this.parseOp());
      }
      for (const [name, entry] of this.labels.blocks) {
        if (!entry.defined) this.fail(`reference to undefined block ^${name}`, entry.firstUse);
      }
      return { blocks };
    } finally {
      this.scope = savedScope;
      this.labels = savedLabels;
    }
  }

  /** `^bb1(%a: i32, ...):` */
  private parseBlockHeader(): MBlock {
    const label = this.cur.next();
    const entry = this.labelEntry(label);
    if (entry.defined) this.fail(`redefinition of block ^${label.text}`, label);
    entry.defined = true;
    if (this.cur.eat('(')) {
      do {
        const name = this.newName();
        this.cur.expect(':');
        const v: Value = { def: 'arg', index: entry.block.args.length, type: this.type() };
        this.define(name, v);
        entry.block.args.push(v);
      } while (this.cur.eat(','));
      this.cur.expect(')', "',' or ')'");
    }
    this.cur.expect(':');
    return entry.block;
  }

  private labelEntry(label: Token): { block: MBlock; defined: boolean; firstUse: Token } {
    let entry = this.labels.blocks.get(label.text);
    if (entry === undefined) {
      entry = { block: { args: [], ops: [] }, defined: false, firstUse: label };
      this.labels.blocks.set(label.text, entry);
    }
    return entry;
  }

  successor(): Successor {
    const label = this.cur.expectKind('label', 'a block label (^bb1)');
    const { block } = this.labelEntry(label);
    const args: Value[] = [];
    if (this.cur.eat('(')) {
      args.push(...this.operands());
      this.cur.expect(':');
      const at = this.cur.peek();
      const ts = this.types();
      if (ts.length !== args.length) this.fail(`${args.length} values passed to ^${label.text} but ${ts.length} types written`, at);
      ts.forEach((t, i) => this.checkType(args[i]!, t, at));
      this.cur.expect(')');
    }
    return { block, args };
  }
}

/** Append the terminator `name` (no operands) to blocks whose text left it out, as mlir-opt does. */
function addImplicitTerminators(regions: readonly Region[], name: string, loc: Loc): void {
  for (const r of regions) {
    for (const b of r.blocks as readonly MBlock[]) {
      const last = b.ops[b.ops.length - 1];
      if (last !== undefined && opsByName.get(last.name)?.terminator !== undefined) continue;
      b.ops.push({ name, operands: [], results: [], attributes: {}, regions: [], successors: [], loc });
    }
  }
}

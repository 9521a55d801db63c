/**
 * Prints a module as MLIR text, deterministically: the same module gives the same bytes.
 *
 * Layout follows `mlir-opt`: two spaces per nesting level, block labels two spaces left of their
 * ops. SSA names are numbered per function in print order: `%argN` for block arguments, `%N` for
 * results (`%N:2` defines two, used as `%N#0`, `%N#1`); blocks are `^bbN` by position in their
 * region. With `debugInfo`, every op is followed by its location, `loc("file.fs":line:col)`.
 * Each op's own text comes from its form in the op table, compiled once per op kind (`opKinds.ts`).
 * The text is written into one byte buffer (`TextBuffer`), which a large module's printing would
 * otherwise spend on hundreds of thousands of intermediate strings. A `StreamPrinter` prints a module as it
 * is built, a definition at a time.
 */
import type { Block, Loc, Module, Operation, Region, Successor, Value } from './ir.js';
import { kindOf } from './opKinds.js';
import { SsaNames } from './ssaNames.js';
import type { OpPrinter } from './syntax.js';
import { encodeText, TextBuffer, type EncodedText } from './textBuffer.js';
import { printType, type MlirType } from './types.js';

export interface PrintOptions {
  /** Print `loc(...)` after every op (and the module). */
  readonly debugInfo?: boolean;
}

/**
 * Each type's text as bytes: types are interned, and a module prints the same few again and again.
 * Integer types, most of those printed, are found by width, with no hashing; the rest in a map
 * (which may hold them for good: interned types live as long as the program).
 */
const intTypeBytes: (EncodedText | undefined)[] = [];
const typeBytes = new Map<MlirType, EncodedText>();

function typeBytesOf(t: MlirType): EncodedText {
  if (t.kind === 'int') return (intTypeBytes[t.width] ??= encodeText(printType(t)));
  let bytes = typeBytes.get(t);
  if (bytes === undefined) {
    bytes = encodeText(printType(t));
    typeBytes.set(t, bytes);
  }
  return bytes;
}
/** The single characters and short pieces the printer writes itself. */
const char = { space: 0x20, newline: 0x0a, percent: 0x25, colon: 0x3a, closeParen: 0x29, closeBrace: 0x7d } as const;
const EQUALS = encodeText(' = ');
const COMMA = encodeText(', ');
const BLOCK = encodeText('^bb');
const OPEN_REGION = encodeText('{\n');
const OPEN = encodeText('(');
const COLON = encodeText(': ');
const OPEN_BLOCK = encodeText(':\n');
const OPEN_BLOCK_ARGS = encodeText('):\n');
const SUCCESSOR_TYPES = encodeText(' : ');

/** The text being printed, kept from one print to the next (printing does not nest). */
const buffer = new TextBuffer();
/** The definitions a `StreamPrinter` has printed so far, likewise kept. */
const definitionsBuffer = new TextBuffer();

/** Print a whole module. */
export function printModule(m: Module, options: PrintOptions = {}): string {
  const p = new TextPrinter(options.debugInfo === true, buffer);
  p.text('module {\n');
  for (const op of m.ops) p.printTopLevel(op, 1);
  p.text(moduleEnd(m, options));
  return p.toString();
}

const moduleEnd = (m: Module, options: PrintOptions): string => (options.debugInfo === true ? `} ${printLoc(m.loc)}\n` : '}\n');

/** Print one top-level op on its own (a function, a declaration), at indentation 0. */
export function printOp(op: Operation, options: PrintOptions = {}): string {
  const p = new TextPrinter(options.debugInfo === true, buffer);
  p.printTopLevel(op, 0);
  return p.toString();
}

/**
 * Prints a module as it is built: each definition when it is complete, into text of its own; the
 * ops the module prints before the definitions (declarations and globals, which lowering finds
 * along the way) at the end, with the text around them. Gives `printModule`'s text of the finished
 * module: each top-level op's text depends on that op alone.
 */
export class StreamPrinter {
  private readonly definitions: TextPrinter;

  constructor(private readonly options: PrintOptions = {}) {
    this.definitions = new TextPrinter(options.debugInfo === true, definitionsBuffer);
  }

  /** Print the complete definition `op`, the module's next one. */
  definition(op: Operation): void {
    this.definitions.printTopLevel(op, 1);
  }

  /**
   * The module's text, given the rest of it: `head`, the ops before the definitions. The parts are
   * joined as bytes, into one string decoded once (not one made of three, which every reader of the
   * text would have to flatten).
   */
  finish(head: Module): string {
    const p = new TextPrinter(this.options.debugInfo === true, buffer);
    p.text('module {\n');
    for (const op of head.ops) p.printTopLevel(op, 1);
    buffer.writeBuffer(definitionsBuffer);
    p.text(moduleEnd(head, this.options));
    return p.toString();
  }
}

/** `loc("file.fs":3:7)`, or `loc(unknown)` for ops with no source. */
export function printLoc(loc: Loc): string {
  if (loc.file === '') return 'loc(unknown)';
  return `loc("${escapeFile(loc.file)}":${loc.line}:${loc.col})`;
}

const escapeFile = (file: string): string => file.replace(/\\/g, '\\\\').replace(/"/g, '\\22');

/**
 * The text being written, and the names of the current top-level op's values and blocks. Op forms
 * write through it (it is their `OpPrinter`).
 */
class TextPrinter implements OpPrinter {
  private readonly names = new SsaNames();
  /** Labels of the blocks of multi-block regions; a single-block region's block is `^bb0`. */
  private labels = new Map<Block, string>();
  /** The regions of the current top-level op printed so far, `regions[0]` to `regions[regionCount - 1]` (the array is reused, not emptied). */
  private readonly regions: Region[] = [];
  private regionCount = 0;
  /** The nesting depth of the op being printed, which its regions' blocks are indented from. */
  private depth = 0;
  /** The last file a location named, and its escaped text: every op of a function names the same file. */
  private locFile = '';
  private locText = '';

  /** The type printed last, and its text: runs of ops share a type, and this spares a table lookup. */
  private lastType: MlirType | undefined;
  private lastTypeText: EncodedText = encodeText('');

  /** Print into `out`, emptied first. */
  constructor(
    private readonly debugInfo: boolean,
    private readonly out: TextBuffer,
  ) {
    out.reset();
  }

  /** Print a top-level op; names restart with each. */
  printTopLevel(op: Operation, depth: number): void {
    this.names.startFunction(op);
    if (this.labels.size > 0) this.labels = new Map();
    this.regionCount = 0;
    this.printOp(op, depth);
  }

  /** `^bbN` for a block of a region printed so far. */
  private label(b: Block): string {
    const label = this.labels.get(b);
    if (label !== undefined) return label;
    for (let i = this.regionCount - 1; i >= 0; i--) if (this.regions[i]!.blocks[0] === b) return '^bb0';
    return '^<<unknown block>>';
  }

  toString(): string {
    return this.out.toString();
  }

  printOp(op: Operation, depth: number): void {
    const out = this.out;
    out.writeSpaces(2 * depth);
    const results = op.results;
    const n = this.names.define(results);
    if (n >= 0) {
      out.writePrefixedInt(char.percent, n);
      if (results.length > 1) {
        out.writeByte(char.colon);
        out.writeInt(results.length);
      }
    }
    const kind = kindOf(op);
    if (kind === undefined) {
      if (n >= 0) out.writeBytes(EQUALS);
      out.write(op.name);
      out.write(' <<unknown op>>');
    } else {
      out.writeBytes(n >= 0 ? kind.definingHead : kind.head);
      const outer = this.depth;
      this.depth = depth;
      kind.print(op, this);
      this.depth = outer;
    }
    if (this.debugInfo) {
      out.writeByte(char.space);
      this.loc(op.loc);
    }
    out.writeByte(char.newline);
  }

  private loc(loc: Loc): void {
    if (loc.file === '') {
      this.out.write('loc(unknown)');
      return;
    }
    if (loc.file !== this.locFile) {
      this.locFile = loc.file;
      this.locText = `loc("${escapeFile(loc.file)}":`;
    }
    this.out.write(this.locText);
    this.out.writeInt(loc.line);
    this.out.writeByte(char.colon);
    this.out.writeInt(loc.col);
    this.out.writeByte(char.closeParen);
  }

  text(s: string): void {
    this.out.write(s);
  }

  bytes(b: EncodedText): void {
    this.out.writeBytes(b);
  }

  value(v: Value): void {
    this.names.write(v, this.out);
  }

  values(vs: readonly Value[], from: number): void {
    for (let i = from; i < vs.length; i++) {
      if (i > from) this.out.writeBytes(COMMA);
      this.names.write(vs[i]!, this.out);
    }
  }

  type(t: MlirType): void {
    this.out.writeBytes(this.typeText(t));
  }

  private typeText(t: MlirType): EncodedText {
    if (t !== this.lastType) {
      this.lastType = t;
      this.lastTypeText = typeBytesOf(t);
    }
    return this.lastTypeText;
  }

  types(ts: readonly MlirType[]): void {
    for (let i = 0; i < ts.length; i++) {
      if (i > 0) this.out.writeBytes(COMMA);
      this.out.writeBytes(this.typeText(ts[i]!));
    }
  }

  valueTypes(vs: readonly Value[], from: number): void {
    for (let i = from; i < vs.length; i++) {
      if (i > from) this.out.writeBytes(COMMA);
      this.out.writeBytes(this.typeText(vs[i]!.type));
    }
  }

  successor(s: Successor): void {
    this.out.write(this.label(s.block));
    if (s.args.length === 0) return;
    this.out.writeBytes(OPEN);
    this.values(s.args, 0);
    this.out.writeBytes(SUCCESSOR_TYPES);
    this.valueTypes(s.args, 0);
    this.out.writeByte(char.closeParen);
  }

  region(r: Region, entryArgsShown: boolean): void {
    const out = this.out;
    const depth = this.depth;
    const blocks = r.blocks;
    this.regions[this.regionCount++] = r;
    if (blocks.length > 1) for (let i = 0; i < blocks.length; i++) this.labels.set(blocks[i]!, `^bb${i}`);
    out.writeBytes(OPEN_REGION);
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (i > 0 || (!entryArgsShown && b.args.length > 0)) {
        out.writeSpaces(2 * depth);
        out.writeBytes(BLOCK);
        out.writeInt(i);
        for (let k = 0; k < b.args.length; k++) {
          const a = b.args[k]!;
          out.writeBytes(k === 0 ? OPEN : COMMA);
          this.names.write(a, out);
          out.writeBytes(COLON);
          out.writeBytes(this.typeText(a.type));
        }
        out.writeBytes(b.args.length > 0 ? OPEN_BLOCK_ARGS : OPEN_BLOCK);
      }
      this.names.enterBlock(b, r);
      for (let k = 0; k < b.ops.length; k++) this.printOp(b.ops[k]!, depth + 1);
      this.names.leaveBlock();
    }
    out.writeSpaces(2 * depth);
    out.writeByte(char.closeBrace);
  }
}

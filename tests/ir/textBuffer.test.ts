/**
 * The printer's byte buffer: what goes in comes out as the same text, whatever the pieces (strings,
 * encoded bytes, single characters, spaces, numbers) and however far it has to grow.
 */
import { describe, expect, it } from 'vitest';
import { encodeText, TextBuffer } from '../../compiler/alex/ir/textBuffer.js';

describe('TextBuffer', () => {
  it('writes numbers as their decimal digits', () => {
    const b = new TextBuffer();
    const numbers = [0, 1, 9, 10, 11, 99, 100, 101, 1009, 123456789, 2 ** 31, Number.MAX_SAFE_INTEGER];
    numbers.forEach((n, i) => {
      if (i > 0) b.writeByte(0x20);
      b.writeInt(n);
    });
    expect(b.toString()).toBe(numbers.join(' '));
  });

  it('writes what is not a non-negative safe integer as String() does', () => {
    const b = new TextBuffer();
    for (const n of [-1, -42, 2 ** 60, 1.5]) b.writeInt(n);
    expect(b.toString()).toBe(['-1', '-42', String(2 ** 60), '1.5'].join(''));
  });

  it('mixes strings, bytes, characters and spaces, growing as needed, and starts again empty after reset', () => {
    const b = new TextBuffer();
    let want = '';
    const piece = encodeText('!llvm.struct<(ptr, i64)>');
    for (let i = 0; i < 20000; i++) {
      b.write('%');
      b.writeInt(i);
      b.writeSpaces(i % 7);
      b.writeBytes(piece);
      b.writeByte(0x0a);
      want += `%${i}${' '.repeat(i % 7)}!llvm.struct<(ptr, i64)>\n`;
    }
    expect(b.toString()).toBe(want);
    b.reset();
    b.write('again');
    expect(b.toString()).toBe('again');
  });

  it('writes text beyond ASCII as UTF-8, also where it crosses a growth', () => {
    const b = new TextBuffer();
    const text = 'é → λ 🙂 "quoted"';
    let want = '';
    for (let i = 0; i < 6000; i++) {
      b.write(text);
      b.writeBytes(encodeText(text));
      want += text + text;
    }
    expect(b.toString()).toBe(want);
  });

  it('decodes UTF-8 when only encoded bytes carried it, and reads ASCII again after a reset', () => {
    const b = new TextBuffer();
    b.write('s = "');
    b.writeBytes(encodeText('größer'));
    b.writeByte(0x22);
    expect(b.toString()).toBe('s = "größer"');
    b.reset();
    b.write('plain');
    b.writeBytes(encodeText(' text'));
    expect(b.toString()).toBe('plain text');
    b.write(' → done');
    expect(b.toString()).toBe('plain text → done');
  });
});

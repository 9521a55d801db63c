/**
 * Conformance, RFC 6455 §8.1 (text is UTF-8, RFC 3629), in the spirit of Autobahn's category 6:
 * valid text of every sequence length echoes exactly, also when a character is split across
 * fragments; invalid bytes, overlong forms, surrogates, code points past U+10FFFF and text that
 * ends inside a character fail the connection with 1007. Binary messages are never checked.
 */
import { describe, it } from 'vitest';
import { frame } from './support/frames.js';
import { expectBinary, expectFailure, expectText } from './support/expect.js';
import { hex } from './support/payloads.js';
import { useEchoServer } from './support/server.js';

const server = useEchoServer();

describe('§8.1 valid UTF-8 echoes exactly', () => {
  const valid: [string, Buffer][] = [
    ['ASCII', Buffer.from('Hello, plain ASCII ~!')],
    ['2-byte characters (ü, é)', Buffer.from('Grüße, café')],
    ['3-byte characters (€, 日本語)', Buffer.from('€ 日本語')],
    ['4-byte characters (𝄞, 😀)', Buffer.from('𝄞 😀')],
    ['κόσμε (Autobahn 6.2.1)', hex('cebae1bdb9cf83cebcceb5')],
    ['Hello-µ@ßöäüàá-UTF-8!! (Autobahn 6.4)', Buffer.from('Hello-µ@ßöäüàá-UTF-8!!')],
    ['U+0000', hex('00')],
    ['U+007F', hex('7f')],
    ['U+0080, the first 2-byte character', hex('c280')],
    ['U+07FF, the last 2-byte character', hex('dfbf')],
    ['U+0800, the first 3-byte character', hex('e0a080')],
    ['U+D7FF, just before the surrogates', hex('ed9fbf')],
    ['U+E000, just after the surrogates', hex('ee8080')],
    ['U+FFFD', hex('efbfbd')],
    ['U+FFFF (a noncharacter is still valid UTF-8)', hex('efbfbf')],
    ['U+10000, the first 4-byte character', hex('f0908080')],
    ['U+10FFFF, the last code point', hex('f48fbfbf')],
    ['a mix of every length', Buffer.from('a\u00e9\u20ac\u{1F600}b')],
    ['1000 3-byte characters (3000 bytes, a 16-bit length)', Buffer.from('€'.repeat(1000))],
    ['70000 bytes of 4-byte characters (a 64-bit length)', Buffer.from('😀'.repeat(17500))],
  ];
  for (const [name, bytes] of valid) {
    it(`${name} echoes`, () =>
      server.withClient(async (c) => {
        await c.write(frame.text(bytes));
        await expectText(c, bytes);
      }));
  }
});

describe('§8.1 characters split across fragments are valid', () => {
  const splits: [string, Buffer, number[]][] = [
    ['a 2-byte character split 1+1', hex('c3bc'), [1]],
    ['a 3-byte character split 1+2', hex('e282ac'), [1]],
    ['a 3-byte character split 2+1', hex('e282ac'), [2]],
    ['a 4-byte character split 1+3', hex('f09d849e'), [1]],
    ['a 4-byte character split 2+2', hex('f09d849e'), [2]],
    ['a 4-byte character split 3+1', hex('f09d849e'), [3]],
    ['a 4-byte character split into 4 one-byte fragments', hex('f09d849e'), [1, 2, 3]],
    ['κόσμε split byte by byte', hex('cebae1bdb9cf83cebcceb5'), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ];
  for (const [name, bytes, cuts] of splits) {
    it(`${name} echoes`, () =>
      server.withClient(async (c) => {
        const bounds = [0, ...cuts, bytes.length];
        const frames = bounds.slice(0, -1).map((start, i) => {
          const piece = bytes.subarray(start, bounds[i + 1]);
          const fin = i === bounds.length - 2;
          return i === 0 ? frame.text(piece, { fin }) : frame.continuation(piece, { fin });
        });
        await c.writeJoined(frames);
        await expectText(c, bytes);
      }));
  }
});

describe('§8.1 invalid UTF-8 fails with 1007', () => {
  const invalid: [string, string][] = [
    ['a lone continuation byte 0x80', '80'],
    ['a lone continuation byte 0xBF', 'bf'],
    ['continuation bytes after ASCII', '41 80 bf'],
    ['the overlong 2-byte NUL C0 80', 'c080'],
    ['the overlong C1 BF', 'c1bf'],
    ['the overlong 3-byte E0 80 80', 'e08080'],
    ['the overlong 3-byte E0 9F BF (U+07FF)', 'e09fbf'],
    ['the overlong 4-byte F0 80 80 80', 'f0808080'],
    ['the overlong 4-byte F0 8F BF BF (U+FFFF)', 'f08fbfbf'],
    ['the high surrogate U+D800 (ED A0 80)', 'eda080'],
    ['the low surrogate U+DFFF (ED BF BF)', 'edbfbf'],
    ['a surrogate pair encoded as two 3-byte sequences', 'eda0bdedb880'],
    ['U+110000 (F4 90 80 80)', 'f4908080'],
    ['the byte F5 (would start > U+10FFFF)', 'f5808080'],
    ['the byte F8 (5-byte form)', 'f888808080'],
    ['the byte FC (6-byte form)', 'fc8480808080'],
    ['the byte FE', 'fe'],
    ['the byte FF', 'ff'],
    ['a 2-byte start followed by ASCII', 'c341'],
    ['a 3-byte start followed by ASCII', 'e28241'],
    ['a 4-byte start followed by ASCII', 'f09f9841'],
    ['κόσμε with its last byte corrupted', 'cebae1bdb9cf83cebcce41'],
    ['valid text with 0xFF in the middle', '48656c6c6fff576f726c64'],
  ];
  for (const [name, bytes] of invalid) {
    it(`${name} fails with 1007`, () =>
      server.withClient(async (c) => {
        await c.write(frame.text(hex(bytes)));
        await expectFailure(c, 1007);
      }));
  }

  const truncated: [string, string][] = [
    ['a 2-byte character cut after its first byte', '41 c3'],
    ['a 3-byte character cut after 2 bytes', '41 e282'],
    ['a 4-byte character cut after 3 bytes', '41 f09f98'],
    ['a lone 4-byte start byte', 'f0'],
  ];
  for (const [name, bytes] of truncated) {
    it(`text ending in ${name} fails with 1007`, () =>
      server.withClient(async (c) => {
        await c.write(frame.text(hex(bytes)));
        await expectFailure(c, 1007);
      }));
  }

  it('a fragmented message whose last fragment ends inside a character fails with 1007', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('abc', { fin: false }), frame.continuation(hex('e282'))]);
      await expectFailure(c, 1007);
    }));

  it('invalid bytes in the second fragment fail with 1007 and nothing is echoed', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('valid ', { fin: false }), frame.continuation(hex('eda080'), { fin: false }), frame.continuation('end')]);
      await expectFailure(c, 1007);
    }));

  it('invalid text in the first fragment fails with 1007 before the message is complete', () =>
    server.withClient(async (c) => {
      await c.write(frame.text(hex('cebae1bdb9cf83cebcceb5eda080656469746564'), { fin: false }));
      await expectFailure(c, 1007);
    }));

  it('a valid message echoes, then an invalid one fails with 1007', () =>
    server.withClient(async (c) => {
      await c.writeJoined([frame.text('ok'), frame.text(hex('c0af'))]);
      await expectText(c, 'ok');
      await expectFailure(c, 1007);
    }));
});

describe('§5.6 binary messages are not UTF-8 checked', () => {
  it('invalid UTF-8 in a binary message echoes exactly', () =>
    server.withClient(async (c) => {
      const bytes = hex('c080 eda080 f4908080 ff fe 80');
      await c.write(frame.binary(bytes));
      await expectBinary(c, bytes);
    }));

  it('a binary message ending inside a character echoes exactly', () =>
    server.withClient(async (c) => {
      await c.write(frame.binary(hex('41e282')));
      await expectBinary(c, hex('41e282'));
    }));
});

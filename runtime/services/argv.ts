/**
 * `fidelity_args(argc, argv)`: the F# `string[]` that `main` receives, built from C's `argv` (an
 * array of `argc` pointers to NUL-terminated strings). As in .NET, the program name (`argv[0]`) is
 * not part of it, so `argv.[0]` is the first program argument. The array is `count` elements of
 * `!llvm.struct<(ptr, i64)>` placed by layout.ts (16 bytes each: the bytes at offset 0, the length at
 * 8) in one service allocation; each element's bytes are a copy of the C string, without its NUL.
 * Reading argv is checked like any access: a string with no NUL inside its allocation traps.
 */
import { byteSize, fieldOffsets } from '../../compiler/alex/ir/layout.js';
import { stringType } from '../../compiler/alex/ir/types.js';
import { bytesAt, load, store } from '../memory/access.js';
import { Trap } from '../trap.js';
import { Pointer, type StringValue } from '../values.js';
import { int, ptr } from './args.js';
import { siteOf, type ServiceContext } from './context.js';
import type { ServiceDef } from './service.js';

const ELEMENT = byteSize(stringType);
const [PTR_AT, LEN_AT] = fieldOffsets(stringType) as [number, number];

/** The bytes of the NUL-terminated C string at `p` (a view, checked), without the NUL. */
function cString(p: Pointer): Uint8Array {
  const a = p.alloc;
  const available = a === null ? 1 : Math.max(1, a.size - p.offset);
  const bytes = bytesAt(p, available, 'read');
  const end = bytes.indexOf(0);
  if (end < 0) throw new Trap('out-of-bounds', `argv string without a terminating NUL in ${a?.label ?? 'the null pointer'}`);
  return bytes.subarray(0, end);
}

/** Builds the F# string[] from argc/argv. */
export function programArguments(argc: number, argv: Pointer, ctx: ServiceContext): StringValue {
  if (argc < 1) return [ctx.memory.serviceBytes(new Uint8Array(0), 'string[] of 0 program arguments', false), 0n];
  const count = argc - 1;
  const array = ctx.memory.serviceBytes(new Uint8Array(count * ELEMENT), `string[] of ${count} program argument${count === 1 ? '' : 's'}`, false);
  for (let i = 0; i < count; i++) {
    const text = cString(load(new Pointer(argv.alloc, argv.offset + (i + 1) * 8), 'ptr') as Pointer);
    const [bytes, length] = ctx.memory.newString(text, siteOf(ctx, `argv[${i + 1}]`));
    store(new Pointer(array.alloc, i * ELEMENT + PTR_AT), 'ptr', bytes);
    store(new Pointer(array.alloc, i * ELEMENT + LEN_AT), 'i64', length);
  }
  return [array, BigInt(count)];
}

/** The program-arguments service. */
export const argvServices: readonly ServiceDef[] = [
  {
    symbol: 'fidelity_args', kind: 'runtime', params: ['i32', '!llvm.ptr'], result: '!llvm.struct<(ptr, i64)>', blocking: false,
    impl: (a, ctx) => programArguments(int('fidelity_args', a, 0), ptr('fidelity_args', a, 1), ctx),
  },
];

/**
 * The intrinsic table: every `Module.name` the F# subset can call that is not defined in the
 * program. One entry holds all three faces of an intrinsic:
 *   - `signature`: its F# type, in F# type syntax, read by the checker (`'T` are generic
 *     parameters, explicit type arguments such as `Region.alloc<byte>` bind them in order);
 *   - `lowering`: how Alex lowers a call (a libc call, a call to a runtime service, an inline
 *     witness, or a constant);
 *   - `runtime`: what the interpreter does when it executes that lowering, in words; the runtime
 *     implements libc and runtime-service symbols by the `symbol` named here.
 *
 * This file is data only. The checker, Alex and the runtime read it; it imports nothing.
 */

/** MLIR types used in C/runtime ABIs. */
export type AbiType = 'i1' | 'i8' | 'i16' | 'i32' | 'i64' | '!llvm.ptr' | '!llvm.struct<(ptr, i64)>' | 'void';

export type Lowering =
  /**
   * `llvm.call @symbol(...)` to a libc function with C's signature, declared with `llvm.func`.
   * `implicit` are C arguments the F# call does not pass, appended after the F# ones
   * (`bind`'s `socklen_t`, `accept`'s null address out-parameters).
   */
  | { readonly kind: 'libc'; readonly symbol: string; readonly params: readonly AbiType[]; readonly result: AbiType; readonly implicit?: readonly ImplicitArg[] }
  /** `llvm.call @symbol(...)` to a runtime service (not libc), declared with `llvm.func`. */
  | { readonly kind: 'runtime'; readonly symbol: string; readonly params: readonly AbiType[]; readonly result: AbiType }
  /** Lowered in place by the named Alex witness (pointer arithmetic, loads, conversions, …). */
  | { readonly kind: 'inline'; readonly witness: string }
  /** A named integer constant: `arith.constant value : i32`. */
  | { readonly kind: 'constant'; readonly value: number };

/** A C argument filled in by the compiler: an integer constant or a null pointer. */
export type ImplicitArg = { readonly kind: 'int'; readonly type: AbiType; readonly value: number } | { readonly kind: 'null' };

export interface Intrinsic {
  /** The name as written in F#: `Sys.write`, `NativePtr.get`, `int`. */
  readonly name: string;
  /** F# type, e.g. `int -> nativeptr<byte> -> int -> int`. */
  readonly signature: string;
  /** Generic parameters that may only be integer types (the conversions). */
  readonly integerParams?: readonly string[];
  readonly lowering: Lowering;
  /** What the runtime does, in words (the implementation is keyed by the lowering's symbol). */
  readonly runtime: string;
}

const PTR = '!llvm.ptr';
const STR = '!llvm.struct<(ptr, i64)>';

const libc = (symbol: string, params: readonly AbiType[], result: AbiType, implicit?: readonly ImplicitArg[]): Lowering =>
  implicit === undefined ? { kind: 'libc', symbol, params, result } : { kind: 'libc', symbol, params, result, implicit };
const service = (symbol: string, params: readonly AbiType[], result: AbiType): Lowering => ({ kind: 'runtime', symbol, params, result });
const inline = (witness: string): Lowering => ({ kind: 'inline', witness });

/** The prefix of every runtime-service symbol (everything that is not libc). */
export const RUNTIME_PREFIX = 'fidelity_';

/** `sizeof(struct sockaddr_in)`, passed to bind/connect as `socklen_t`. */
export const SOCKADDR_IN_SIZE = 16;
const SOCKLEN: ImplicitArg = { kind: 'int', type: 'i32', value: SOCKADDR_IN_SIZE };

export const intrinsics: readonly Intrinsic[] = [
  // ---- Sys: sockets and file descriptors -------------------------------------------------------
  { name: 'Sys.socket', signature: 'int -> int -> int -> int', lowering: libc('socket', ['i32', 'i32', 'i32'], 'i32'), runtime: 'a new TCP socket fd (AF_INET, SOCK_STREAM), or -1' },
  { name: 'Sys.bind', signature: 'int -> SockAddr -> int', lowering: libc('bind', ['i32', PTR, 'i32'], 'i32', [SOCKLEN]), runtime: 'binds the fd to the sockaddr_in; 0, or -1 (address in use, bad fd)' },
  { name: 'Sys.listen', signature: 'int -> int -> int', lowering: libc('listen', ['i32', 'i32'], 'i32'), runtime: 'starts listening with the given backlog; 0 or -1' },
  { name: 'Sys.accept', signature: 'int -> int', lowering: libc('accept', ['i32', PTR, PTR], 'i32', [{ kind: 'null' }, { kind: 'null' }]), runtime: 'blocks until a client connects; the client fd, or -1' },
  { name: 'Sys.connect', signature: 'int -> SockAddr -> int', lowering: libc('connect', ['i32', PTR, 'i32'], 'i32', [SOCKLEN]), runtime: 'blocks until connected; 0 or -1' },
  { name: 'Sys.read', signature: 'int -> nativeptr<byte> -> int -> int', lowering: libc('read', ['i32', PTR, 'i64'], 'i64'), runtime: 'blocks until at least one byte or EOF; bytes read, 0 at EOF, -1 on error' },
  { name: 'Sys.write', signature: 'int -> nativeptr<byte> -> int -> int', lowering: libc('write', ['i32', PTR, 'i64'], 'i64'), runtime: 'writes all the bytes; their count, or -1 on error' },
  { name: 'Sys.close', signature: 'int -> int', lowering: libc('close', ['i32'], 'i32'), runtime: 'closes the fd; 0 or -1' },
  { name: 'AF_INET', signature: 'int', lowering: { kind: 'constant', value: 2 }, runtime: 'the constant 2' },
  { name: 'SOCK_STREAM', signature: 'int', lowering: { kind: 'constant', value: 1 }, runtime: 'the constant 1' },
  { name: 'SOCK_DGRAM', signature: 'int', lowering: { kind: 'constant', value: 2 }, runtime: 'the constant 2' },
  // ---- SockAddr -----------------------------------------------------------------------------
  { name: 'SockAddr.ipv4', signature: 'string -> int -> SockAddr', lowering: service('fidelity_sockaddr_ipv4', [STR, 'i32'], PTR), runtime: 'a 16-byte sockaddr_in (family, port and address in network order)' },
  // ---- Region: scoped memory (PRD A-04) -------------------------------------------------------
  { name: 'Region.create', signature: 'int -> Region', lowering: service('fidelity_region_create', ['i32'], PTR), runtime: 'a region of N pages of 4096 bytes' },
  { name: 'Region.alloc', signature: "Region -> int -> nativeptr<'T>", lowering: inline('regionAlloc'), runtime: "bump-allocates N zeroed elements of 'T; out of space stops the program naming the region and the request" },
  { name: 'Region.release', signature: 'Region -> unit', lowering: service('fidelity_region_release', [PTR], 'void'), runtime: 'frees the region; later accesses to its memory are errors' },
  // ---- NativePtr ------------------------------------------------------------------------------
  { name: 'NativePtr.get', signature: "nativeptr<'T> -> int -> 'T", lowering: inline('ptrGet'), runtime: 'a checked load of element i' },
  { name: 'NativePtr.set', signature: "nativeptr<'T> -> int -> 'T -> unit", lowering: inline('ptrSet'), runtime: 'a checked store to element i' },
  { name: 'NativePtr.read', signature: "nativeptr<'T> -> 'T", lowering: inline('ptrRead'), runtime: 'a checked load of element 0' },
  { name: 'NativePtr.write', signature: "nativeptr<'T> -> 'T -> unit", lowering: inline('ptrWrite'), runtime: 'a checked store to element 0' },
  { name: 'NativePtr.add', signature: "nativeptr<'T> -> int -> nativeptr<'T>", lowering: inline('ptrAdd'), runtime: 'pointer arithmetic by elements; checked when accessed' },
  { name: 'NativePtr.stackalloc', signature: "int -> nativeptr<'T>", lowering: inline('stackAlloc'), runtime: 'N elements on the stack frame; released when the function returns' },
  { name: 'NativePtr.copy', signature: "nativeptr<'T> -> nativeptr<'T> -> int -> unit", lowering: inline('ptrCopy'), runtime: 'copies count elements from source to destination (memmove), both checked' },
  { name: 'NativePtr.fill', signature: "nativeptr<'T> -> 'T -> int -> unit", lowering: inline('ptrFill'), runtime: 'stores value into count elements, checked' },
  // ---- String (UTF-8 bytes, immutable) ---------------------------------------------------------
  { name: 'String.length', signature: 'string -> int', lowering: inline('stringLength'), runtime: 'the length in bytes' },
  { name: 'String.fromBytes', signature: 'nativeptr<byte> -> int -> string', lowering: service('fidelity_string_from_bytes', [PTR, 'i64'], STR), runtime: 'copies the bytes into a new immutable string' },
  { name: 'String.toBytes', signature: 'string -> nativeptr<byte>', lowering: inline('stringBytes'), runtime: 'a read-only view of the bytes' },
  { name: 'String.contains', signature: 'string -> string -> bool', lowering: service('fidelity_string_contains', [STR, STR], 'i1'), runtime: 'whether the second string occurs in the first' },
  { name: 'String.indexOf', signature: 'string -> string -> int', lowering: service('fidelity_string_index_of', [STR, STR], 'i32'), runtime: 'the byte index of the first occurrence, or -1' },
  { name: 'String.substring', signature: 'string -> int -> int -> string', lowering: service('fidelity_string_substring', [STR, 'i32', 'i32'], STR), runtime: 'the bytes from start for length; out of range stops the program' },
  { name: 'String.startsWith', signature: 'string -> string -> bool', lowering: service('fidelity_string_starts_with', [STR, STR], 'i1'), runtime: 'whether the first string starts with the second' },
  { name: 'String.trim', signature: 'string -> string', lowering: service('fidelity_string_trim', [STR], STR), runtime: 'without leading and trailing ASCII white space' },
  { name: 'String.toLower', signature: 'string -> string', lowering: service('fidelity_string_to_lower', [STR], STR), runtime: 'ASCII letters lowered' },
  // ---- Crypto --------------------------------------------------------------------------------
  { name: 'Crypto.sha1', signature: 'nativeptr<byte> -> int -> nativeptr<byte>', lowering: service('fidelity_crypto_sha1', [PTR, 'i64'], PTR), runtime: 'a pointer to the 20-byte SHA-1 digest of the bytes' },
  { name: 'Crypto.base64Encode', signature: 'nativeptr<byte> -> int -> string', lowering: service('fidelity_crypto_base64_encode', [PTR, 'i64'], STR), runtime: 'the bytes in standard, padded base64' },
  // ---- Console, Format, Parse ----------------------------------------------------------------
  { name: 'Console.write', signature: 'string -> unit', lowering: service('fidelity_console_write', [STR], 'void'), runtime: 'writes the string to stdout' },
  { name: 'Console.writeln', signature: 'string -> unit', lowering: service('fidelity_console_writeln', [STR], 'void'), runtime: 'writes the string and a newline to stdout' },
  { name: 'Format.int', signature: 'int -> string', lowering: service('fidelity_format_int', ['i32'], STR), runtime: 'the decimal text of the number' },
  { name: 'Parse.int', signature: 'string -> int', lowering: service('fidelity_parse_int', [STR], 'i32'), runtime: 'the number the decimal text denotes; bad text stops the program' },
  // ---- Arrays (argv) ---------------------------------------------------------------------------
  { name: 'Array.length', signature: "'T[] -> int", lowering: inline('arrayLength'), runtime: 'the number of elements' },
  // ---- Conversions and ignore ------------------------------------------------------------------
  { name: 'int', signature: "'a -> int", integerParams: ["'a"], lowering: inline('convert'), runtime: 'wraps or extends to 32 bits as F# does' },
  { name: 'int64', signature: "'a -> int64", integerParams: ["'a"], lowering: inline('convert'), runtime: 'extends to 64 bits as F# does' },
  { name: 'int16', signature: "'a -> int16", integerParams: ["'a"], lowering: inline('convert'), runtime: 'wraps or extends to 16 bits' },
  { name: 'sbyte', signature: "'a -> sbyte", integerParams: ["'a"], lowering: inline('convert'), runtime: 'wraps to 8 bits, signed' },
  { name: 'byte', signature: "'a -> byte", integerParams: ["'a"], lowering: inline('convert'), runtime: 'wraps to 8 bits' },
  { name: 'uint16', signature: "'a -> uint16", integerParams: ["'a"], lowering: inline('convert'), runtime: 'wraps or extends to 16 bits' },
  { name: 'uint32', signature: "'a -> uint32", integerParams: ["'a"], lowering: inline('convert'), runtime: 'wraps or extends to 32 bits' },
  { name: 'uint64', signature: "'a -> uint64", integerParams: ["'a"], lowering: inline('convert'), runtime: 'extends to 64 bits' },
  { name: 'ignore', signature: "'a -> unit", lowering: inline('ignore'), runtime: 'evaluates and drops its argument' },
  { name: 'not', signature: 'bool -> bool', lowering: inline('not'), runtime: 'logical negation' },
];

/** Lookup by F# name. */
export const intrinsicsByName: ReadonlyMap<string, Intrinsic> = new Map(intrinsics.map((i) => [i.name, i]));

/** The module prefixes that hold intrinsics (`Sys`, `NativePtr`, …), for "did you mean" on modules. */
export const intrinsicModules: ReadonlySet<string> = new Set(
  intrinsics.filter((i) => i.name.includes('.')).map((i) => i.name.slice(0, i.name.indexOf('.'))),
);

/** A function Alex calls that is not an F# intrinsic: part of how constructs are lowered. */
export interface SupportFunction {
  readonly symbol: string;
  readonly kind: 'libc' | 'runtime';
  readonly params: readonly AbiType[];
  readonly result: AbiType;
  /** What the runtime does. */
  readonly runtime: string;
}

/** The support functions, by the construct that needs them. */
export const SUPPORT = {
  regionAlloc: { symbol: 'fidelity_region_alloc', kind: 'runtime', params: [PTR, 'i64', 'i64'], result: PTR, runtime: "Region.alloc<'T>: bump-allocates (bytes, alignment) zeroed bytes in the region" },
  regionScopeExit: { symbol: 'fidelity_region_scope_exit', kind: 'runtime', params: [PTR], result: 'void', runtime: 'releases a region at the end of the scope that created it, unless the program already released it' },
  stringConcat: { symbol: 'fidelity_string_concat', kind: 'runtime', params: [STR, STR], result: STR, runtime: 'string + string' },
  stringEquals: { symbol: 'fidelity_string_equals', kind: 'runtime', params: [STR, STR], result: 'i1', runtime: 'string = string (bytewise)' },
  matchFailure: { symbol: 'fidelity_match_failure', kind: 'runtime', params: [STR, 'i32', 'i32'], result: 'void', runtime: 'stops the program with MatchFailureException at the file, line and column' },
  args: { symbol: 'fidelity_args', kind: 'runtime', params: ['i32', PTR], result: STR, runtime: "the F# string[] (pointer to (ptr, i64) elements, count) built from C's argc/argv" },
  memmove: { symbol: 'memmove', kind: 'libc', params: [PTR, PTR, 'i64'], result: PTR, runtime: 'NativePtr.copy: copies bytes, overlapping allowed, both ranges checked' },
  memset: { symbol: 'memset', kind: 'libc', params: [PTR, 'i32', 'i64'], result: PTR, runtime: 'NativePtr.fill on bytes: sets bytes, checked' },
} as const satisfies Record<string, SupportFunction>;

/**
 * The runtime's public surface for the interpreter: values, traps, memory, libc and services.
 * See values.ts for how each MLIR type is represented.
 */
export { Pointer, NULL_PTR, ptrEquals, toI32, toI64, type StringValue, type Value } from './values.js';
export { Trap, asTrap, TRAP_EXIT_CODE, type TrapCode } from './trap.js';
export * from './memory/index.js';
export { Libc, type Blocking, type LibcOptions, type OutputStream } from './os/libc.js';
export { encodeSockaddrIn, decodeSockaddrIn, SOCKADDR_IN_SIZE, type Ipv4Endpoint } from './os/sockaddr.js';
export * from './services/index.js';

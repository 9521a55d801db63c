/**
 * Services for the libc socket calls (`socket`, `bind`, … `close`) and `fidelity_sockaddr_ipv4`.
 * They only convert between MLIR values and the Libc API: `i64` lengths and results are bigints here
 * and numbers in Libc.
 */
import { encodeSockaddrIn } from '../os/sockaddr.js';
import type { Blocking } from '../os/libc.js';
import { NULL_PTR, type Value } from '../values.js';
import { int, long, ptr, strText } from './args.js';
import type { ServiceDef } from './service.js';

const PTR = '!llvm.ptr';
const STR = '!llvm.struct<(ptr, i64)>';

const asI64 = (r: Blocking<number>): Value | Promise<Value> => (typeof r === 'number' ? BigInt(r) : r.then((n) => BigInt(n)));

/** The libc services and the sockaddr builder. */
export const sysServices: readonly ServiceDef[] = [
  {
    symbol: 'socket', kind: 'libc', params: ['i32', 'i32', 'i32'], result: 'i32', blocking: false,
    impl: (a, ctx) => ctx.libc.socket(int('socket', a, 0), int('socket', a, 1), int('socket', a, 2)),
  },
  {
    symbol: 'bind', kind: 'libc', params: ['i32', PTR, 'i32'], result: 'i32', blocking: true,
    impl: (a, ctx) => ctx.libc.bind(int('bind', a, 0), ptr('bind', a, 1), int('bind', a, 2)),
  },
  {
    symbol: 'listen', kind: 'libc', params: ['i32', 'i32'], result: 'i32', blocking: false,
    impl: (a, ctx) => ctx.libc.listen(int('listen', a, 0), int('listen', a, 1)),
  },
  {
    symbol: 'accept', kind: 'libc', params: ['i32', PTR, PTR], result: 'i32', blocking: true,
    impl: (a, ctx) => ctx.libc.accept(int('accept', a, 0), a.length > 1 ? ptr('accept', a, 1) : NULL_PTR, a.length > 2 ? ptr('accept', a, 2) : NULL_PTR),
  },
  {
    symbol: 'connect', kind: 'libc', params: ['i32', PTR, 'i32'], result: 'i32', blocking: true,
    impl: (a, ctx) => ctx.libc.connect(int('connect', a, 0), ptr('connect', a, 1), int('connect', a, 2)),
  },
  {
    symbol: 'read', kind: 'libc', params: ['i32', PTR, 'i64'], result: 'i64', blocking: true,
    impl: (a, ctx) => asI64(ctx.libc.read(int('read', a, 0), ptr('read', a, 1), long('read', a, 2))),
  },
  {
    symbol: 'write', kind: 'libc', params: ['i32', PTR, 'i64'], result: 'i64', blocking: true,
    impl: (a, ctx) => asI64(ctx.libc.write(int('write', a, 0), ptr('write', a, 1), long('write', a, 2))),
  },
  {
    symbol: 'close', kind: 'libc', params: ['i32'], result: 'i32', blocking: false,
    impl: (a, ctx) => ctx.libc.close(int('close', a, 0)),
  },
  {
    // SockAddr.ipv4 "0.0.0.0" 8080: a read-only 16-byte sockaddr_in; bad text or port is a Trap.
    symbol: 'fidelity_sockaddr_ipv4', kind: 'runtime', params: [STR, 'i32'], result: PTR, blocking: false,
    impl: (a, ctx) => {
      const address = strText('fidelity_sockaddr_ipv4', a, 0);
      const port = int('fidelity_sockaddr_ipv4', a, 1);
      const at = ctx.site?.location === undefined ? '' : ` (${ctx.site.location})`;
      return ctx.memory.serviceBytes(encodeSockaddrIn(address, port), `sockaddr_in ${address}:${port}${at}`, true);
    },
  },
];

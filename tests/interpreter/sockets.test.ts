/**
 * Blocking calls in compiled programs, over real loopback sockets: a hand-built echo server
 * (socket, bind to an ephemeral port, listen, accept, read/write until EOF, close) serves a `net`
 * client. Only the functions that can reach a blocking call are compiled `async`; the module
 * printed to MLIR text and parsed back behaves the same.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { i32, i64, i8, parseMlir, printModule, ptr, stringType, ModuleBuilder, type Loc, type Module } from '../../compiler/alex/ir/index.js';
import { compileModule } from '../../runtime/interpreter/index.js';
import type { ServiceContext } from '../../runtime/services/context.js';
import { run, type RunResult } from './harness.js';

const at = (line: number): Loc => ({ file: 'Echo.fs', line, col: 5 });

/** `main`: serve one client, echoing until EOF; returns the number of bytes echoed. `@sum` is a pure helper. */
function echoModule(): Module {
  const mb = new ModuleBuilder(at(1));
  const sum = mb.defineFunc('sum', [i32, i32], [i32], at(2));
  sum.ret([sum.binary('addi', sum.args[0]!, sum.args[1]!, at(2))], at(2));

  const serve = mb.defineFunc('serve', [i32], [i32], at(10));
  const client = serve.args[0]!;
  const size = serve.constant(i64, 64, at(11));
  const buf = serve.alloca(size, i8, at(11));
  const zero = serve.constant(i32, 0, at(12));
  const [total] = serve.scfWhile(
    [zero],
    (b, [acc]) => {
      const n = b.callExternal('read', [i32, ptr, i64], i64, [client, buf, size], at(13))!;
      const more = b.cmpi('sgt', n, b.constant(i64, 0, at(13)), at(13));
      const [next] = b.scfIf(more, [i32], (t) => {
        t.callExternal('write', [i32, ptr, i64], i64, [client, buf, n], at(14));
        return t.call('sum', [acc!, t.cast('trunci', n, i32, at(15))], [i32], at(15));
      }, (e) => [acc!], at(14));
      return { cond: more, values: [next!] };
    },
    (_b, [acc]) => [acc!],
    at(13),
  );
  serve.callExternal('close', [i32], i32, [client], at(16));
  serve.ret([total!], at(17));

  const main = mb.defineFunc('main', [i32, ptr], [i32], at(20));
  const fd = main.callExternal('socket', [i32, i32, i32], i32, [main.constant(i32, 2, at(21)), main.constant(i32, 1, at(21)), main.constant(i32, 0, at(21))], at(21))!;
  const host = main.stringBytes('127.0.0.1', at(22));
  const s0 = main.insertValue(main.undef(stringType, at(22)), host.ptr, [0], at(22));
  const s = main.insertValue(s0, main.constant(i64, host.length, at(22)), [1], at(22));
  const addr = main.callExternal('fidelity_sockaddr_ipv4', [stringType, i32], ptr, [s, main.constant(i32, 0, at(22))], at(22))!;
  main.callExternal('bind', [i32, ptr, i32], i32, [fd, addr, main.constant(i32, 16, at(23))], at(23));
  main.callExternal('listen', [i32, i32], i32, [fd, main.constant(i32, 10, at(24))], at(24));
  const nil = main.zero(at(25));
  const c = main.callExternal('accept', [i32, ptr, ptr], i32, [fd, nil, nil], at(25))!;
  const echoed = main.call('serve', [c], [i32], at(26))[0]!;
  main.callExternal('close', [i32], i32, [fd], at(27));
  main.ret([echoed], at(28));
  return mb.finish();
}

const contexts: ServiceContext[] = [];
afterEach(() => {
  for (const c of contexts.splice(0)) c.libc.closeAll();
});

/** Waits (event-loop turns, bounded by count) until the program listens on fd 3; its port. */
async function listeningPort(ctx: () => ServiceContext | undefined): Promise<number> {
  for (let i = 0; i < 10_000; i++) {
    const c = ctx();
    const name = c?.libc.getsockname(3);
    if (name !== null && name !== undefined && c!.libc.fds.get(3)?.state === 'listening') return name.port;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('the program never listened');
}

/** Runs the echo module, connects a client that sends `chunks` one after another, returns what came back. */
async function echo(module: Module, chunks: readonly string[]): Promise<{ result: RunResult; received: string }> {
  let ctx: ServiceContext | undefined;
  const running = run(module, [], { onContext: (c) => { ctx = c; contexts.push(c); } });
  const port = await listeningPort(() => ctx);
  const received = await new Promise<string>((resolve, reject) => {
    const sock = connect({ host: '127.0.0.1', port });
    let got = '';
    let sent = 0;
    const expected = chunks.join('');
    sock.on('data', (d) => {
      got += d.toString();
      if (got.length >= expected.slice(0, sent).length && sent < chunks.length) sock.write(chunks[sent++]!);
      if (got === expected) sock.end();
    });
    sock.on('connect', () => sock.write(chunks[sent++]!));
    sock.on('end', () => resolve(got));
    sock.on('error', reject);
  });
  return { result: await running, received };
}

describe('blocking calls over real sockets', () => {
  it('echoes through accept/read/write until the client closes, then exits with the byte count', async () => {
    const { result, received } = await echo(echoModule(), ['hello', ' ', 'world', '!'.repeat(100)]);
    expect(result.stderr).toBe('');
    expect(received).toBe(`hello world${'!'.repeat(100)}`);
    expect(result.code).toBe(111);
    expect(result.ctx.libc.fds.fds()).toEqual([]);
  });

  it('makes async exactly the functions that can reach a blocking call, and awaits only Promises', () => {
    const graph = compileModule(echoModule());
    const asyncOnes = [...graph.callGraph.functions.values()].filter((f) => f.isAsync).map((f) => f.symbol).sort();
    expect(asyncOnes).toEqual(['main', 'serve']);
    expect(graph.source).toMatch(/^function fn_sum\(/m);
    expect(graph.source).toMatch(/^async function fn_serve\(/m);
    expect(graph.source).toContain('instanceof Promise) t');
    expect(graph.source).toMatch(/= fn_sum\(/); // a sync callee is called without await
    expect(graph.source).toMatch(/= await fn_serve\(/);
  });

  it('behaves the same when run from its printed MLIR text', async () => {
    const text = printModule(echoModule(), { debugInfo: true });
    const parsed = parseMlir(text, 'Echo.mlir');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(printModule(parsed.module, { debugInfo: true })).toBe(text);
    const { result, received } = await echo(parsed.module, ['ping', 'pong']);
    expect(received).toBe('pingpong');
    expect(result.code).toBe(8);
  });
});

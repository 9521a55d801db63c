/**
 * The small samples run end to end through `firefly-sim run`: HelloWorld and SocketBasics print
 * exactly their documented output and exit codes, and running the printed MLIR (the golden
 * `.mlir`, or a freshly compiled one when golden/ has none) behaves exactly like running the `.fs`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, hasJsStackTrace, ROOT, runCli } from '../support/cli.js';
import { freePort } from '../support/echoServer.js';

const tmp = mkdtempSync(join(tmpdir(), 'firefly-e2e-programs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The golden MLIR of a sample, or (when golden/ does not have it) one compiled now with `compile -o`. */
async function mlirFor(sample: string): Promise<string> {
  const golden = join(ROOT, 'golden', `${sample}.mlir`);
  if (existsSync(golden)) return golden;
  const out = join(tmp, `${sample}.mlir`);
  const r = await runCli(['compile', `samples/${sample}.fs`, '-o', out]);
  expect(r.exitCode, describeRun(r)).toBe(0);
  expect(existsSync(out)).toBe(true);
  return out;
}

describe('HelloWorld', () => {
  it('prints "Hello, World!" and exits 0', async () => {
    const r = await runCli(['run', 'samples/HelloWorld.fs']);
    expect(r.exitCode, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('Hello, World!\n');
    expect(r.stderr).toBe('');
  });

  it('runs the same from its .mlir as from its .fs', async () => {
    const mlir = await mlirFor('HelloWorld');
    const fromFs = await runCli(['run', 'samples/HelloWorld.fs']);
    const fromMlir = await runCli(['run', mlir]);
    expect(fromMlir.exitCode, describeRun(fromMlir)).toBe(fromFs.exitCode);
    expect(fromMlir.stdout).toBe(fromFs.stdout);
    expect(fromMlir.stdout).toBe('Hello, World!\n');
  });
});

describe('SocketBasics', () => {
  const expected = (port: number): string =>
    [`=== Socket Basics: 127.0.0.1:${port} ===`, 'socket: fd 3', 'bind: 0', 'listen: 0', 'close: 0', ''].join('\n');

  it('prints every step with its result and exits 0', async () => {
    const port = await freePort();
    const r = await runCli(['run', 'samples/SocketBasics.fs', String(port)]);
    expect(r.exitCode, describeRun(r)).toBe(0);
    expect(r.stdout).toBe(expected(port));
    expect(r.stderr).toBe('');
  });

  it('reports bind: -1 and exits 1 when the port is taken, still closing the socket', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve, reject) => {
      holder.once('error', reject);
      holder.listen(0, '127.0.0.1', () => resolve());
    });
    try {
      const address = holder.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const r = await runCli(['run', 'samples/SocketBasics.fs', String(address.port)]);
      expect(r.exitCode, describeRun(r)).toBe(1);
      expect(r.stdout).toBe([`=== Socket Basics: 127.0.0.1:${address.port} ===`, 'socket: fd 3', 'bind: -1', 'close: 0', ''].join('\n'));
      expect(hasJsStackTrace(r.stderr), r.stderr).toBe(false);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('runs the same from its .mlir as from its .fs', async () => {
    const mlir = await mlirFor('SocketBasics');
    const port = await freePort();
    const fromFs = await runCli(['run', 'samples/SocketBasics.fs', String(port)]);
    const fromMlir = await runCli(['run', mlir, String(port)]);
    expect(fromFs.exitCode, describeRun(fromFs)).toBe(0);
    expect(fromMlir.exitCode, describeRun(fromMlir)).toBe(fromFs.exitCode);
    expect(fromMlir.stdout).toBe(fromFs.stdout);
    expect(fromMlir.stdout).toBe(expected(port));
  });
});

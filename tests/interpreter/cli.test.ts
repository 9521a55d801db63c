/**
 * `firefly-sim run` as users run it (the built CLI, spawned with execa): the samples print their
 * expected output, running their printed `.mlir` gives the same output, bad `.mlir` is a located
 * error, and Ctrl-C stops a server blocked in accept with exit code 130.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const CLI = 'dist/compiler/driver/cli.js';
const cli = (...args: string[]) => execa('node', [CLI, ...args], { reject: false, timeout: 20_000 });
const dir = mkdtempSync(join(tmpdir(), 'firefly-run-'));

/** The sample's MLIR as `compile` prints it, written to a temporary file. */
async function printed(sample: string): Promise<string> {
  const out = await cli('compile', `samples/${sample}.fs`, '--debug-info');
  expect(out.exitCode).toBe(0);
  const file = join(dir, `${sample}.mlir`);
  writeFileSync(file, out.stdout);
  return file;
}

describe('firefly-sim run', () => {
  it('runs HelloWorld from .fs and from its printed .mlir', async () => {
    const fs = await cli('run', 'samples/HelloWorld.fs');
    expect([fs.exitCode, fs.stdout, fs.stderr]).toEqual([0, 'Hello, World!', '']);
    const mlir = await cli('run', await printed('HelloWorld'));
    expect([mlir.exitCode, mlir.stdout, mlir.stderr]).toEqual([0, 'Hello, World!', '']);
  });

  it('runs SocketBasics with a port argument, the same from .fs and .mlir', async () => {
    const expected = ['=== Socket Basics: 127.0.0.1:0 ===', 'socket: fd 3', 'bind: 0', 'listen: 0', 'close: 0'].join('\n');
    const fs = await cli('run', 'samples/SocketBasics.fs', '0');
    expect([fs.exitCode, fs.stdout]).toEqual([0, expected]);
    const mlir = await cli('run', await printed('SocketBasics'), '0');
    expect([mlir.exitCode, mlir.stdout]).toEqual([0, expected]);
  });

  it('reports unparsable .mlir with its location (exit 1) and an unreadable file as usage (exit 2)', async () => {
    const bad = join(dir, 'bad.mlir');
    writeFileSync(bad, 'module {\n  func.func @main() -> i32 {\n    %0 = arith.bogus\n  }\n}\n');
    const r = await cli('run', bad);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/bad\.mlir\(3,\d+\): error: /);
    expect((await cli('run', join(dir, 'missing.mlir'))).exitCode).toBe(2);
  });

  it('stops a server blocked in accept on SIGINT: exit 130, one line, no stack trace', async () => {
    const server = execa('node', [CLI, 'run', 'samples/WebSocketEcho.fs', '0'], { reject: false, timeout: 20_000 });
    await new Promise<void>((resolve) => {
      server.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('Listening')) resolve();
      });
    });
    server.kill('SIGINT');
    const r = await server;
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toBe('firefly-sim: stopped by SIGINT; sockets closed');
  });
});

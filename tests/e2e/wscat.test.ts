/**
 * The seed's section 6.2 transcript, with the real `wscat` (the npm package's own executable)
 * against the interpreted echo server:
 *
 *     wscat -c ws://localhost:8080
 *     > hello
 *     < hello
 *     > world
 *     < world
 *
 * wscat prints that transcript only at a terminal: with stdout piped it prints each message it
 * receives as a bare line and drops its status lines. So the transcript test gives wscat a real
 * pseudo-terminal through util-linux's `script`, types into it (Enter is CR, Ctrl-C is ETX), and
 * reads the screen: ANSI sequences stripped, and for each line what is left after the last
 * carriage return (wscat redraws its `> ` prompt line in place). A second test drives wscat
 * without a terminal, as a script would (`-x` messages), against a server that keeps serving.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { type EchoServer, startEchoServer, stopAllEchoServers } from '../support/echoServer.js';
import { requireTool } from '../support/requireTool.js';
import type { SkippableContext } from '../support/mlirTools.js';

const WSCAT = fileURLToPath(new URL('../../node_modules/.bin/wscat', import.meta.url));

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** What a terminal shows: ANSI sequences gone, each line as left after its last carriage return. */
function screenLines(text: string): string[] {
  return text
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.split('\r').filter((part) => part.trim() !== '').pop() ?? '')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && line !== '>');
}

/** Output of wscat without a terminal: its `> ` prompts removed. */
function plainLines(text: string): string[] {
  return text
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^(> ?)+/, '').trimEnd())
    .filter((line) => line !== '');
}

/** A running wscat: its output so far, and bounded waits on it. */
interface Wscat {
  readonly child: ResultPromise;
  /** The raw output so far. */
  output(): string;
  /** Writes raw input (at a terminal: `\r` is Enter, `\u0003` is Ctrl-C). */
  type(text: string): void;
  /** Resolves once `done(output)` holds; rejects after `ms` with everything seen so far. */
  waitFor(done: (output: string) => boolean, what: string, ms?: number): Promise<void>;
  waitForExit(ms?: number): Promise<number | undefined>;
}

const started: ResultPromise[] = [];

afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await child;
  }
  await stopAllEchoServers();
});

function wscatPath(): string {
  if (!existsSync(WSCAT)) throw new Error(`${WSCAT} is missing: run npm install (wscat is a devDependency)`);
  return WSCAT;
}

/** Starts `file args…` (wscat, or `script` running wscat) with piped stdio and collects its output. */
function spawnWscat(server: EchoServer, file: string, args: readonly string[]): Wscat {
  const child = execa(file, [...args], {
    reject: false,
    buffer: false,
    stdin: 'pipe',
    timeout: 60_000,
    killSignal: 'SIGKILL',
    env: { TERM: 'xterm' },
  });
  started.push(child);
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const l of [...listeners]) l();
  };
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (s: string) => {
    out += s;
    notify();
  });
  child.stderr?.on('data', (s: string) => {
    err += s;
  });
  let exited = false;
  const ended = child.then((r) => {
    exited = true;
    notify();
    return r.exitCode;
  });
  const report = (): string =>
    `--- wscat output ---\n${JSON.stringify(out)}\n--- wscat stderr ---\n${err}\n--- server stdout ---\n${server.stdout()}\n--- server stderr ---\n${server.stderr()}`;
  const until = (done: () => boolean, ms: number, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`${what} (waited ${ms} ms)\n${report()}`));
      }, ms);
      listeners.add(check);
      check();
    });
  return {
    child,
    output: () => out,
    type: (text) => {
      child.stdin?.write(text);
    },
    waitFor: (done, what, ms = 20_000) => until(() => done(out), ms, what),
    waitForExit: async (ms = 20_000) => {
      await until(() => exited, ms, 'wscat did not exit');
      return ended;
    },
  };
}

/** wscat at a pseudo-terminal: `script -qfec "wscat -c URL …" /dev/null`. */
function wscatAtTerminal(ctx: SkippableContext, server: EchoServer, extra: readonly string[] = []): Wscat {
  const script = requireTool(ctx, 'script (util-linux)', ['/usr/bin/script', '/bin/script'], 'Debian package bsdutils');
  const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;
  const command = [wscatPath(), '-c', server.url, ...extra].map(quote).join(' ');
  return spawnWscat(server, script, ['-qfec', command, '/dev/null']);
}

/** Types `line` and Enter, then waits until the screen shows `expected` as a line. */
async function typeLine(session: Wscat, line: string, expected: string): Promise<void> {
  session.type(`${line}\r`);
  await session.waitFor((o) => screenLines(o).includes(expected), `wscat did not show '${expected}' after '${line}'`);
}

/** The section 6.2 transcript: connect, `> hello` `< hello`, `> world` `< world`. */
async function transcript(session: Wscat): Promise<void> {
  const connected = 'Connected (press CTRL+C to quit)';
  await session.waitFor((o) => screenLines(o).includes(connected), `wscat did not show '${connected}'`);
  await typeLine(session, 'hello', '< hello');
  await typeLine(session, 'world', '< world');
  // The screen is the seed's transcript: each line typed, each echo once, in order.
  const shown = screenLines(session.output()).filter((l) => /^[<>] \S/.test(l));
  expect(shown).toEqual(['> hello', '< hello', '> world', '< world']);
}

describe('the seed transcript with the real wscat', { timeout: 60_000 }, () => {
  it('shows > hello < hello > world < world at a terminal; Ctrl-C ends wscat and the connection', async (ctx) => {
    const server = await startEchoServer({ connections: 1 });
    const session = wscatAtTerminal(ctx, server);
    await transcript(session);
    session.type('\u0003');
    expect(await session.waitForExit()).toBe(0);
    // Its one connection served, the server exits cleanly.
    expect(await server.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
    expect(server.stdout()).toContain('Client connected');
    expect(server.stderr()).toBe('');
  });

  it('completes the closing handshake: /close 1000 comes back as code 1000, then TCP closes', async (ctx) => {
    const server = await startEchoServer({ connections: 1 });
    const session = wscatAtTerminal(ctx, server, ['--slash']);
    await transcript(session);
    // wscat prints this once the server has answered the close frame and closed the socket.
    await typeLine(session, '/close 1000', 'Disconnected (code: 1000, reason: "")');
    expect(await session.waitForExit()).toBe(0);
    expect(await server.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
    expect(server.stderr()).toBe('');
  });

  it('echoes without a terminal too (-x), client after client, while the server goes on serving', async () => {
    const server = await startEchoServer();
    for (let i = 1; i <= 2; i++) {
      // -x sends on connect; -w 1 closes one second later (the echoes come back before the close).
      const session = spawnWscat(server, wscatPath(), ['-c', server.url, '-x', 'hello', '-x', 'world', '-w', '1']);
      expect(await session.waitForExit()).toBe(0);
      expect(plainLines(session.output())).toEqual(['hello', 'world']);
    }
    await server.waitForStdout(/Client connected[\s\S]*Client connected/);
    expect(server.exited(), server.stderr()).toBe(false);
  });
});

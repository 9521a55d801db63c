/**
 * A real browser against the interpreted echo server: headless Chromium (Debian's `chromium`,
 * driven by playwright-core) loads a page served by this test from 127.0.0.1, whose script opens
 * `new WebSocket('ws://127.0.0.1:PORT')`, sends text and binary messages (one over 64 KiB, so the
 * 64-bit length form is used), and reports what came back; every echo must match exactly.
 *
 * Without Chromium the test is skipped on a dev machine and fails in CI (`CI=true`).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startEchoServer, stopAllEchoServers } from '../support/echoServer.js';
import { requireTool } from '../support/requireTool.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A message the page sends: text as is, binary as base64. */
interface Outgoing {
  readonly kind: 'text' | 'binary';
  readonly data: string;
}

/** What the page reports: each echo in the same form, and how the connection closed. */
interface Report {
  readonly echoes: readonly Outgoing[];
  readonly close: { readonly code: number; readonly wasClean: boolean } | null;
  readonly error: string | null;
}

/** The page's script: send each message, wait for its echo, then close with 1000 and report. */
const PAGE_SCRIPT = String.raw`
const toBase64 = (buffer) => {
  const bytes = new Uint8Array(buffer);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
(async () => {
  const report = { echoes: [], close: null, error: null };
  try {
    const outgoing = await (await fetch('/messages.json')).json();
    const ws = new WebSocket(WS_URL);
    ws.binaryType = 'arraybuffer';
    const inbox = [];
    let wake = null;
    const closed = new Promise((resolve) => ws.addEventListener('close', (e) => resolve({ code: e.code, wasClean: e.wasClean })));
    ws.addEventListener('message', (e) => { inbox.push(e.data); if (wake) { wake(); wake = null; } });
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error('WebSocket error before open')); });
    for (const m of outgoing) {
      ws.send(m.kind === 'text' ? m.data : fromBase64(m.data));
      while (inbox.length === 0) await new Promise((resolve) => { wake = resolve; });
      const got = inbox.shift();
      report.echoes.push(typeof got === 'string' ? { kind: 'text', data: got } : { kind: 'binary', data: toBase64(got) });
    }
    ws.close(1000);
    report.close = await closed;
  } catch (e) {
    report.error = String(e);
  }
  await window.reportEchoes(JSON.stringify(report));
})();
`;

let browser: Browser | undefined;
let page: Server | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
  if (page !== undefined) {
    page.closeAllConnections();
    await new Promise<void>((resolve) => page!.close(() => resolve()));
    page = undefined;
  }
  await stopAllEchoServers();
});

/** Serves the page and the messages on 127.0.0.1, on an ephemeral port; returns the page's URL. */
async function servePage(wsUrl: string, messages: readonly Outgoing[]): Promise<string> {
  const html = `<!doctype html><meta charset="utf-8"><title>echo</title><script>const WS_URL = ${JSON.stringify(wsUrl)};${PAGE_SCRIPT}</script>`;
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (req.url === '/messages.json') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
    else res.writeHead(404).end();
  });
  page = server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address for the page server');
  return `http://127.0.0.1:${address.port}/`;
}

describe('a real browser', () => {
  it('round-trips text and binary messages through the interpreted server', { timeout: 120_000 }, async (ctx) => {
    const executablePath = requireTool(ctx, 'Chromium', ['/usr/bin/chromium', '/usr/bin/chromium-browser'], 'Debian/Ubuntu package chromium');
    const server = await startEchoServer({ connections: 1 });
    const messages: Outgoing[] = [
      { kind: 'text', data: 'hello' },
      { kind: 'text', data: 'héllo wörld — 你好 🎉' },
      { kind: 'binary', data: Buffer.from([0, 1, 2, 253, 254, 255]).toString('base64') },
      { kind: 'binary', data: randomBytes(300).toString('base64') },
      { kind: 'binary', data: randomBytes(70_000).toString('base64') },
      { kind: 'text', data: 'ü'.repeat(40_000) },
      { kind: 'text', data: 'world' },
    ];
    const url = await servePage(server.url, messages);

    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
    const tab = await browser.newPage();
    let deliver: (report: Report) => void = () => undefined;
    const reported = new Promise<Report>((resolve) => {
      deliver = resolve;
    });
    await tab.exposeFunction('reportEchoes', (json: string) => deliver(JSON.parse(json) as Report));
    await tab.goto(url, { timeout: 30_000 });
    const report = await Promise.race([
      reported,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`the page reported nothing within 60 s; server stderr:\n${server.stderr()}`)), 60_000),
      ),
    ]);

    expect(report.error, server.stderr()).toBeNull();
    expect(report.echoes).toHaveLength(messages.length);
    report.echoes.forEach((echo, i) => {
      expect(echo.kind, `message ${i}`).toBe(messages[i]!.kind);
      expect(echo.data === messages[i]!.data, `message ${i} (${messages[i]!.kind}) came back different`).toBe(true);
    });
    expect(report.close).toEqual({ code: 1000, wasClean: true });
    expect(await server.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
  });
});

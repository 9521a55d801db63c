/**
 * Soak: 1,000 connections in a row against one interpreted echo server, each with an opening
 * handshake, a few messages (text, binary, a ping, a fragmented text) and a closing handshake.
 * Every echo must be exact, and memory must not leak: each connection's memory lives in a region
 * released when it ends. The server runs with its V8 heap capped at 48 MiB, so a leak of a region
 * per connection (64 KiB or more: 64 MiB over the run) exhausts the heap and kills it, which fails
 * the test. Region memory lives outside the V8 heap, so the server's resident memory (VmRSS from
 * /proc/PID/status) is bounded too, at its peak: with the heap capped it levels off near 97 MiB
 * wherever it starts (V8 grows its heap in steps whose timing depends on how much the start-up
 * compile left behind, so growth from an early reading is not a fair measure), and a leaked 64 KiB
 * region per connection would add 64 MiB, past the bound.
 */
import { describe, expect, it } from 'vitest';
import { frame } from './support/frames.js';
import { expectBinary, expectCloseReply, expectPong, expectText } from './support/expect.js';
import { bytePattern } from './support/payloads.js';
import { rssBytes, useEchoServer } from './support/server.js';

const HEAP_CAP_MIB = 48;
const server = useEchoServer({ nodeArgs: [`--max-old-space-size=${HEAP_CAP_MIB}`] });

const CONNECTIONS = 1_000;
const WARM_UP = 100;
const MiB = 1024 * 1024;
/** Where RSS is also reported, for the log. */
const SECOND_HALF = CONNECTIONS / 2;
/** The server's peak RSS over the run may not exceed this. */
const PEAK_RSS_BOUND = 128 * MiB;

/** One connection's life: handshake, messages, close. Returns the number of echoes checked. */
async function oneConnection(i: number): Promise<number> {
  let echoes = 0;
  await server.withClient(async (c) => {
    const text = `connection ${i}: hello`;
    const data = bytePattern(100 + (i % 400), i);
    const big = bytePattern(70_000, i);
    await c.writeJoined([frame.text(text), frame.binary(data), frame.ping(`p${i}`)]);
    await expectText(c, text);
    await expectBinary(c, data);
    await expectPong(c, `p${i}`);
    await c.writeJoined([frame.text('frag', { fin: false }), frame.continuation(`ment ${i}`)]);
    await expectText(c, `fragment ${i}`);
    if (i % 10 === 0) {
      await c.write(frame.binary(big));
      await expectBinary(c, big);
      echoes++;
    }
    await c.write(frame.close(1000, 'bye'));
    await expectCloseReply(c, 1000, 'bye');
    echoes += 4;
  });
  return echoes;
}

describe('soak: 1,000 connections in a row', () => {
  it(
    `serves ${CONNECTIONS} connections with exact echoes, within a ${HEAP_CAP_MIB} MiB heap and a peak RSS under ${PEAK_RSS_BOUND / MiB} MiB`,
    async () => {
      let echoes = 0;
      for (let i = 0; i < WARM_UP; i++) echoes += await oneConnection(i);
      const pid = server.pid();
      const before = rssBytes(pid);
      let peak = before;
      let half = before;
      const series: number[] = [];
      const started = Date.now();
      for (let i = WARM_UP; i < CONNECTIONS; i++) {
        echoes += await oneConnection(i);
        if (i === SECOND_HALF) half = rssBytes(pid);
        if (i % 50 === 0) {
          const rss = rssBytes(pid);
          series.push(rss);
          peak = Math.max(peak, rss);
        }
      }
      const after = rssBytes(pid);
      peak = Math.max(peak, after);
      const seconds = (Date.now() - started) / 1000;
      const mib = (n: number): string => (n / MiB).toFixed(1);
      console.info(
        `soak: ${CONNECTIONS} connections, ${echoes} exact echoes; server RSS after ${WARM_UP} warm-up connections ${mib(before)} MiB, ` +
          `at connection ${SECOND_HALF} ${mib(half)} MiB, at the end ${mib(after)} MiB (growth ${mib(after - before)} MiB, over the second half ${mib(after - half)} MiB, peak ${mib(peak)} MiB); ` +
          `${CONNECTIONS - WARM_UP} connections in ${seconds.toFixed(1)} s; every 50: ${series.map(mib).join(' ')}`,
      );
      expect(echoes).toBe(CONNECTIONS * 4 + CONNECTIONS / 10);
      expect(peak, `peak RSS ${mib(peak)} MiB (${mib(before)} MiB after the warm-up, ${mib(after)} MiB at the end)`).toBeLessThan(PEAK_RSS_BOUND);
    },
    170_000,
  );
});

/**
 * The echo scenarios, each one bounded run against one server, one connection at a time, every
 * echoed byte compared with what was sent. Payloads are printable ASCII sent as text messages, so
 * both servers do the same work a chat-like client asks of them (unmasking and UTF-8 checking).
 * A wrong echo, a closed connection or a timeout throws, with the scenario's figures so far lost:
 * a server that cannot echo correctly has no throughput to report.
 */
import { randomBytes } from 'node:crypto';
import { connect, type EchoClient } from './echoClient.js';
import { msSince } from './stats.js';

/** What one run of a scenario measured. */
export interface ScenarioRun {
  /** Operations completed (round trips, messages, connections). */
  readonly operations: number;
  /** Payload bytes echoed back. */
  readonly bytes: number;
  readonly elapsedMs: number;
  /** Per-operation latencies in ms, where the scenario records them. */
  readonly latenciesMs: readonly number[];
}

/** A scenario: a name for the table, what it reports, and how to run it for about `durationMs`. */
export interface Scenario {
  readonly id: 'rt16' | 'rt64k' | 'pipelined1k' | 'mb1' | 'connections';
  readonly title: string;
  readonly unit: string;
  /** The figure per run: operations or bytes per second. */
  rate(run: ScenarioRun): number;
  /** Whether the table shows p50/p99 latency rows for it. */
  readonly latency: boolean;
  run(url: string, durationMs: number): Promise<ScenarioRun>;
}

const CONNECT_TIMEOUT_MS = 10_000;

/** `size` bytes of printable ASCII (valid UTF-8 for any split). */
function textPayload(size: number): Buffer {
  const bytes = randomBytes(size);
  for (let i = 0; i < size; i++) bytes[i] = 0x20 + ((bytes[i] as number) % 95);
  return bytes;
}

function verify(expected: Buffer, got: Buffer, what: string): void {
  if (got.length !== expected.length) throw new Error(`wrong echo of ${what}: ${got.length} bytes back for ${expected.length} sent`);
  if (!got.equals(expected)) {
    let i = 0;
    while (got[i] === expected[i]) i++;
    throw new Error(`wrong echo of ${what}: byte ${i} is 0x${(got[i] ?? 0).toString(16)}, sent 0x${(expected[i] ?? 0).toString(16)}`);
  }
}

async function withClient<T>(url: string, body: (client: EchoClient) => Promise<T>): Promise<T> {
  const client = await connect(url, CONNECT_TIMEOUT_MS);
  try {
    return await body(client);
  } finally {
    await client.close();
  }
}

/** Sequential round trips of one size on one connection, a fresh payload each time. */
function roundTrips(size: number, echoTimeoutMs: number) {
  return (url: string, durationMs: number): Promise<ScenarioRun> =>
    withClient(url, async (client) => {
      const payloads = [textPayload(size), textPayload(size), textPayload(size), textPayload(size)];
      const latencies: number[] = [];
      const start = process.hrtime.bigint();
      while (latencies.length === 0 || msSince(start) < durationMs) {
        const payload = payloads[latencies.length % payloads.length] as Buffer;
        const sent = process.hrtime.bigint();
        client.send(payload);
        verify(payload, await client.receive(echoTimeoutMs), `a ${size}-byte message`);
        latencies.push(msSince(sent));
      }
      return { operations: latencies.length, bytes: latencies.length * size, elapsedMs: msSince(start), latenciesMs: latencies };
    });
}

/** `depth` messages in flight: each echo, checked in order, lets one more go while time remains. */
function pipelined(size: number, depth: number, echoTimeoutMs: number) {
  return (url: string, durationMs: number): Promise<ScenarioRun> =>
    withClient(url, async (client) => {
      const payloads = Array.from({ length: depth + 1 }, () => textPayload(size));
      const inFlight: Buffer[] = [];
      let sent = 0;
      let echoed = 0;
      const start = process.hrtime.bigint();
      const sendNext = (): void => {
        const payload = payloads[sent % payloads.length] as Buffer;
        client.send(payload);
        inFlight.push(payload);
        sent++;
      };
      for (let i = 0; i < depth; i++) sendNext();
      while (inFlight.length > 0) {
        const expected = inFlight.shift() as Buffer;
        verify(expected, await client.receive(echoTimeoutMs), `pipelined message ${echoed}`);
        echoed++;
        if (msSince(start) < durationMs) sendNext();
      }
      return { operations: echoed, bytes: echoed * size, elapsedMs: msSince(start), latenciesMs: [] };
    });
}

/** Whole connections: handshake, one 16-byte echo, closing handshake. */
async function connections(url: string, durationMs: number): Promise<ScenarioRun> {
  const payload = textPayload(16);
  const latencies: number[] = [];
  const start = process.hrtime.bigint();
  while (latencies.length === 0 || msSince(start) < durationMs) {
    const begun = process.hrtime.bigint();
    await withClient(url, async (client) => {
      client.send(payload);
      verify(payload, await client.receive(10_000), 'the 16-byte message of a new connection');
    });
    latencies.push(msSince(begun));
  }
  return { operations: latencies.length, bytes: latencies.length * 16, elapsedMs: msSince(start), latenciesMs: latencies };
}

const perSecond = (run: ScenarioRun): number => run.operations / (run.elapsedMs / 1000);

/** The five scenarios, in the order they run. */
export const SCENARIOS: readonly Scenario[] = [
  { id: 'rt16', title: '16-byte round trips', unit: 'round trips/s', rate: perSecond, latency: true, run: roundTrips(16, 10_000) },
  { id: 'rt64k', title: '64 KiB round trips', unit: 'round trips/s', rate: perSecond, latency: true, run: roundTrips(64 * 1024, 20_000) },
  { id: 'pipelined1k', title: '1 KiB messages pipelined 64 deep', unit: 'messages/s', rate: perSecond, latency: false, run: pipelined(1024, 64, 20_000) },
  { id: 'mb1', title: '1 MiB messages', unit: 'MB/s', rate: (run) => run.bytes / 1e6 / (run.elapsedMs / 1000), latency: false, run: roundTrips(1024 * 1024, 60_000) },
  { id: 'connections', title: 'connections (handshake + 16-byte echo + close)', unit: 'connections/s', rate: perSecond, latency: false, run: connections },
];

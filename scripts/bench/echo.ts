/**
 * Parts 3 and 4, the echo server and its memory: the interpreted samples/WebSocketEcho.fs against
 * a `ws` echo server, both running for the whole part, each scenario run on one then the other
 * (which goes first alternates), for several rounds; medians of the per-round rates, latency
 * percentiles over every round trip, and each server's peak RSS. A server that fails a scenario
 * (wrong bytes, a dropped connection, a crash, a timeout) gets that scenario marked failed with
 * the reason, and is restarted so the next scenario still runs.
 */
import { SCENARIOS, type Scenario, type ScenarioRun } from './echoScenarios.js';
import type { Pinning } from './pinning.js';
import { row, type Row, type Target } from './results.js';
import { startServer, type EchoServer, type ServerKind } from './servers.js';
import { median, percentile } from './stats.js';
import { TARGETS } from './targets.js';

/** Options for the echo part. */
export interface EchoOptions {
  readonly rounds: number;
  /** How long each run of a scenario lasts (at least one operation always completes). */
  readonly durationMs: number;
  readonly pinning: Pinning;
}

const SCENARIO_TARGETS: Readonly<Record<Scenario['id'], Target | null>> = {
  rt16: TARGETS.roundTrips16,
  rt64k: null,
  pipelined1k: TARGETS.pipelined1k,
  mb1: TARGETS.megabyte,
  connections: TARGETS.connections,
};

/** One side's servers over the part (a failure restarts it) and its results per scenario. */
class Side {
  readonly instances: EchoServer[] = [];
  readonly runs = new Map<Scenario['id'], ScenarioRun[]>();
  readonly failures = new Map<Scenario['id'], string>();
  startError = '';

  constructor(
    readonly kind: ServerKind,
    private readonly prefix: readonly string[],
  ) {}

  current(): EchoServer | null {
    const last = this.instances[this.instances.length - 1];
    return last !== undefined && last.alive() ? last : null;
  }

  /** The running server, started (again) if need be; null if it will not start. */
  async server(): Promise<EchoServer | null> {
    const running = this.current();
    if (running !== null) return running;
    try {
      const started = await startServer(this.kind, this.prefix);
      this.instances.push(started);
      return started;
    } catch (error) {
      this.startError = (error as Error).message;
      return null;
    }
  }

  async restart(): Promise<void> {
    await this.current()?.stop();
  }

  peakRssKiB(): number {
    return Math.max(0, ...this.instances.map((s) => s.peakRssKiB()));
  }

  async stop(): Promise<void> {
    for (const s of this.instances) await s.stop();
  }
}

async function runOnce(side: Side, scenario: Scenario, durationMs: number, round: number, log: (line: string) => void): Promise<void> {
  if (side.failures.has(scenario.id)) return;
  const server = await side.server();
  if (server === null) {
    side.failures.set(scenario.id, side.startError);
    return;
  }
  try {
    const run = await scenario.run(server.url, durationMs);
    side.runs.set(scenario.id, [...(side.runs.get(scenario.id) ?? []), run]);
    log(`  ${side.kind.padEnd(4)} ${scenario.title}: ${scenario.rate(run).toFixed(1)} ${scenario.unit} (${run.operations} in ${run.elapsedMs.toFixed(0)} ms)`);
  } catch (error) {
    await new Promise((r) => setTimeout(r, 200));
    const why = `round ${round + 1}: ${(error as Error).message}; ${server.describeExit()}`;
    side.failures.set(scenario.id, why);
    log(`  ${side.kind.padEnd(4)} ${scenario.title}: FAILED ${why}`);
    await side.restart();
  }
}

function scenarioRows(scenario: Scenario, ours: Side, theirs: Side): Row[] {
  const rates = (side: Side): number[] => (side.runs.get(scenario.id) ?? []).map((r) => scenario.rate(r));
  const rate = (side: Side): number | null => (side.failures.has(scenario.id) ? null : median(rates(side)));
  const latencies = (side: Side): number[] => (side.failures.has(scenario.id) ? [] : (side.runs.get(scenario.id) ?? []).flatMap((r) => [...r.latenciesMs]));
  const note = [ours.failures.get(scenario.id), theirs.failures.get(scenario.id) === undefined ? undefined : `ws: ${theirs.failures.get(scenario.id)}`]
    .filter((n) => n !== undefined)
    .join('; ');
  const failed = ours.failures.has(scenario.id);
  const rounds = Math.max(ours.runs.get(scenario.id)?.length ?? 0, theirs.runs.get(scenario.id)?.length ?? 0);
  const rows = [
    row({
      part: 'Echo',
      metric: `${scenario.title} (median of ${rounds} rounds)`,
      unit: scenario.unit,
      higherIsBetter: true,
      ours: rate(ours),
      theirs: rate(theirs),
      target: SCENARIO_TARGETS[scenario.id],
      failed,
      note,
      samples: { ours: rates(ours), theirs: rates(theirs) },
    }),
  ];
  if (scenario.latency) {
    for (const p of [50, 99]) {
      rows.push(
        row({ part: 'Echo', metric: `${scenario.title}: p${p} latency`, unit: 'ms', higherIsBetter: false, ours: percentile(latencies(ours), p), theirs: percentile(latencies(theirs), p), failed }),
      );
    }
  }
  return rows;
}

/** Runs every scenario on both servers and reports them with the servers' peak RSS. */
export async function echo(options: EchoOptions, log: (line: string) => void): Promise<Row[]> {
  const ours = new Side('ours', options.pinning.serverPrefix);
  const theirs = new Side('ws', options.pinning.serverPrefix);
  try {
    for (let round = 0; round < options.rounds; round++) {
      log(`echo round ${round + 1} of ${options.rounds}`);
      for (const [index, scenario] of SCENARIOS.entries()) {
        const order = (round + index) % 2 === 0 ? [theirs, ours] : [ours, theirs];
        for (const side of order) await runOnce(side, scenario, options.durationMs, round, log);
      }
    }
  } finally {
    await ours.stop();
    await theirs.stop();
  }
  const rows = SCENARIOS.flatMap((s) => scenarioRows(s, ours, theirs));
  const mib = (kib: number): number | null => (kib > 0 ? kib / 1024 : null);
  const restarts = (side: Side): string => (side.instances.length > 1 ? `${side.kind} restarted ${side.instances.length - 1}×` : '');
  rows.push(
    row({
      part: 'Memory',
      metric: 'peak RSS of the server over the echo runs (VmHWM)',
      unit: 'MiB',
      higherIsBetter: false,
      ours: mib(ours.peakRssKiB()),
      theirs: mib(theirs.peakRssKiB()),
      target: TARGETS.peakRss,
      failed: ours.peakRssKiB() === 0,
      note: [ours.instances.length === 0 ? ours.startError : '', restarts(ours), restarts(theirs)].filter((n) => n !== '').join('; '),
    }),
  );
  return rows;
}

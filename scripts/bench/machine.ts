/**
 * The machine a run was measured on, for the report: CPU model, cores, memory, Node version,
 * date, whether processes could be pinned to cores, and how busy the machine was (other work on
 * it skews every figure, so the report says so).
 */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** What the report says about where it ran. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly date: string;
  /** How client and servers were placed on cores, in words. */
  pinning: string;
  /** 1-minute load average when the run started, and when it ended. */
  readonly loadAtStart: number;
  loadAtEnd: number;
  /** Per part run, the share of CPU time the hypervisor took meanwhile (see `steal.ts`), null where unknown. */
  readonly steal: { readonly part: string; readonly percent: number | null }[];
}

/** Describes this machine now. */
export function describeMachine(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    date: new Date().toISOString(),
    pinning: 'not pinned (compile and throughput runs are never pinned; only the echo part pins)',
    loadAtStart: oneMinuteLoad(),
    loadAtEnd: oneMinuteLoad(),
    steal: [],
  };
}

/** The 1-minute load average, rounded to two decimals. */
export function oneMinuteLoad(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

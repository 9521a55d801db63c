/**
 * The machine a run was measured on, for the report: CPU model, cores, memory, Node version,
 * date, and whether processes could be pinned to cores.
 */
import { cpus, totalmem, platform, release } from 'node:os';

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
    pinning: 'not pinned',
  };
}

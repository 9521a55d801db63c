/**
 * How much CPU time the hypervisor took from this machine while a part ran ("steal": time a
 * virtual CPU was ready to run but the host ran something else). On a shared VM it can take a
 * third of the time for minutes, which slows every figure of that part however quiet the machine
 * itself is; the load average does not show it. Read from the first line of Linux's /proc/stat.
 */
import { readFileSync } from 'node:fs';

/** Cumulative CPU time of all CPUs, in clock ticks: what was stolen, and all of it. */
export interface CpuTimes {
  readonly steal: number;
  readonly total: number;
}

/** The times on a `/proc/stat` `cpu` line (user nice system idle iowait irq softirq steal …), or null if it is not one. */
export function parseCpuLine(line: string): CpuTimes | null {
  const fields = line.trim().split(/\s+/);
  if (fields[0] !== 'cpu' || fields.length < 9) return null;
  const ticks = fields.slice(1, 9).map(Number);
  if (ticks.some((t) => !Number.isFinite(t) || t < 0)) return null;
  return { steal: ticks[7]!, total: ticks.reduce((a, b) => a + b, 0) };
}

/** The machine's CPU times now, or null where there is no /proc/stat. */
export function cpuTimes(): CpuTimes | null {
  try {
    return parseCpuLine(readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '');
  } catch {
    return null;
  }
}

/** The share of CPU time stolen between two readings, in percent (one decimal), or null if unknown. */
export function stealPercent(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (from === null || to === null || to.total <= from.total) return null;
  return Math.round((1000 * (to.steal - from.steal)) / (to.total - from.total)) / 10;
}

/**
 * The benchmark reports how much CPU time the hypervisor took while each part ran (scripts/bench/
 * steal.ts), read from /proc/stat: the parsing of its `cpu` line and the share between two readings.
 */
import { describe, expect, it } from 'vitest';
import { cpuTimes, parseCpuLine, stealPercent } from '../../scripts/bench/steal.js';

describe('CPU steal', () => {
  it('reads steal (the eighth figure) and the total of the first eight from a cpu line', () => {
    expect(parseCpuLine('cpu  4548777 1019 582988 1953811 2892 0 26877 134554 0 0')).toEqual({
      steal: 134554,
      total: 4548777 + 1019 + 582988 + 1953811 + 2892 + 0 + 26877 + 134554,
    });
  });

  it('refuses lines that are not the all-CPU line or are cut short', () => {
    expect(parseCpuLine('cpu0 1 2 3 4 5 6 7 8 9 10')).toBeNull();
    expect(parseCpuLine('cpu 1 2 3')).toBeNull();
    expect(parseCpuLine('cpu 1 2 3 4 5 6 x 8')).toBeNull();
    expect(parseCpuLine('')).toBeNull();
  });

  it('gives the share stolen between two readings, and null when either is unknown or no time passed', () => {
    expect(stealPercent({ steal: 100, total: 1000 }, { steal: 130, total: 1100 })).toBe(30);
    expect(stealPercent({ steal: 0, total: 0 }, { steal: 1, total: 3 })).toBe(33.3);
    expect(stealPercent(null, { steal: 1, total: 2 })).toBeNull();
    expect(stealPercent({ steal: 1, total: 2 }, { steal: 1, total: 2 })).toBeNull();
  });

  it('reads this machine, where /proc/stat exists', () => {
    const now = cpuTimes();
    if (process.platform === 'linux') expect(now?.total).toBeGreaterThan(0);
    else expect(now).toBeNull();
  });
});

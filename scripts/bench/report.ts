/**
 * The report: a Markdown table of every row (machine, Node version and date above it), and the
 * JSON file holding the same rows, both under bench-results/ named for the run's date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineInfo } from './machine.js';
import type { Revision } from './revision.js';
import { RESULTS_DIR } from './paths.js';
import type { Row, Status } from './results.js';
import { describeTarget } from './targets.js';

/** Everything one run measured. */
export interface BenchReport {
  readonly machine: MachineInfo;
  readonly revision: Revision;
  readonly durationSeconds: number;
  readonly rows: readonly Row[];
}

function formatNumber(value: number | null, unit: string): string {
  if (value === null) return '–';
  // Ratios keep two decimals so one just over a bound (12.04× against ≤ 12) does not print as on it.
  const digits = unit === '×' ? 2 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return unit === '×' ? `${text}×` : `${text} ${unit}`;
}

const STATUS_TEXT: Record<Status, string> = { met: 'met', 'not met': '**not met**', failed: '**failed**', none: '' };

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown report. */
export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `# firefly-sim benchmark, ${m.date.slice(0, 10)}`,
    '',
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}`,
    `- Node ${m.node}; run started ${m.date}; took ${report.durationSeconds.toFixed(0)} s`,
    `- Code: commit ${report.revision.commit}${report.revision.uncommittedFiles > 0 ? ` plus ${report.revision.uncommittedFiles} uncommitted file(s) under compiler/, runtime/ or samples/` : ''}`,
    `- Pinning: ${m.pinning}`,
    `- Load average (1 min) at start ${m.loadAtStart}, at end ${m.loadAtEnd} on ${m.cores} cores${m.loadAtStart > m.cores || m.loadAtEnd > m.cores ? ': the machine was busy with other work, so absolute figures are low and noisy; the ratios, measured alternately, are the comparison' : ''}`,
    ...(m.steal.length > 0 ? [`- CPU time taken by the hypervisor (steal) while each part ran: ${m.steal.map((s) => `${s.part} ${s.percent === null ? 'unknown' : `${s.percent}%`}`).join(', ')}${m.steal.some((s) => (s.percent ?? 0) >= 10) ? '; with a tenth or more taken, that part\'s absolute figures are low' : ''}`] : []),
    '- Ratios are ours/theirs from the same run; theirs is `node -e 0` (compile) and the `ws` package (echo).',
    '',
    '| Part | Metric | Ours | Theirs | Ours/theirs | Target | Status | Note |',
    '|---|---|---:|---:|---:|---|---|---|',
  ];
  for (const r of report.rows) {
    lines.push(
      `| ${cell(r.part)} | ${cell(r.metric)} | ${formatNumber(r.ours, r.unit)} | ${formatNumber(r.theirs, r.unit)} | ${formatNumber(r.ratio, '×')} | ${describeTarget(r.target)} | ${STATUS_TEXT[r.status]} | ${cell(r.note)} |`,
    );
  }
  const judged = report.rows.filter((r) => r.target !== null);
  const met = judged.filter((r) => r.status === 'met').length;
  lines.push('', `Targets met: ${met} of ${judged.length}.`, '');
  return lines.join('\n');
}

/** Writes `<date>.json` and `<date>.md` under bench-results/; returns their paths. */
export function writeReport(report: BenchReport, markdown: string): { json: string; markdown: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stem = report.machine.date.slice(0, 10);
  const jsonPath = join(RESULTS_DIR, `${stem}.json`);
  const mdPath = join(RESULTS_DIR, `${stem}.md`);
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(mdPath, markdown);
  return { json: jsonPath, markdown: mdPath };
}

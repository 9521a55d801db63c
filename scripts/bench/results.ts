/**
 * The benchmark's result model: one row per measured figure, ours beside theirs, the ratio
 * ours/theirs, and where the target for it stands. Parts produce rows; the report prints
 * them and the JSON file stores them, so both always show the same figures.
 */

/** A target from the issue: a bound on the ratio ours/theirs, or on our own figure. */
export interface Target {
  readonly on: 'ratio' | 'ours';
  readonly compare: 'atMost' | 'atLeast';
  readonly value: number;
}

/** met / not met against the target; failed when our side could not be measured; none without one. */
export type Status = 'met' | 'not met' | 'failed' | 'none';

/** One measured figure. */
export interface Row {
  readonly part: string;
  readonly metric: string;
  readonly unit: string;
  /** Whether a larger figure is better (throughputs) or worse (times, memory). */
  readonly higherIsBetter: boolean;
  readonly ours: number | null;
  readonly theirs: number | null;
  readonly ratio: number | null;
  readonly target: Target | null;
  readonly status: Status;
  /** Why a figure is missing, what failed, or how it was measured. */
  readonly note: string;
  /** The individual measurements the figures summarise (per round or per run), for the JSON. */
  readonly samples: { readonly ours: readonly number[]; readonly theirs: readonly number[] };
}

/** Whether `row`'s figure meets `target`. */
export function judge(target: Target | null, ours: number | null, ratioValue: number | null, failed: boolean): Status {
  if (failed) return 'failed';
  if (target === null) return 'none';
  const value = target.on === 'ratio' ? ratioValue : ours;
  if (value === null) return 'failed';
  return (target.compare === 'atMost' ? value <= target.value : value >= target.value) ? 'met' : 'not met';
}

/** Builds a row, computing the ratio and the status. */
export function row(fields: {
  part: string;
  metric: string;
  unit: string;
  higherIsBetter: boolean;
  ours: number | null;
  theirs: number | null;
  target?: Target | null;
  failed?: boolean;
  note?: string;
  samples?: { ours: readonly number[]; theirs: readonly number[] };
}): Row {
  const ratioValue = fields.ours !== null && fields.theirs !== null && fields.theirs !== 0 ? fields.ours / fields.theirs : null;
  const target = fields.target ?? null;
  return {
    part: fields.part,
    metric: fields.metric,
    unit: fields.unit,
    higherIsBetter: fields.higherIsBetter,
    ours: fields.ours,
    theirs: fields.theirs,
    ratio: ratioValue,
    target,
    status: judge(target, fields.ours, ratioValue, fields.failed ?? false),
    note: fields.note ?? '',
    samples: fields.samples ?? { ours: [], theirs: [] },
  };
}

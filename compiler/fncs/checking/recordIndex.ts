/**
 * The declared records, indexed by field label, for the F# rule that a record expression or a
 * field access on a value of unknown type means the latest declared record having the labels
 * written. Keeping each label's records avoids scanning every record at each use.
 */
import type { RecordInfo } from '../psg/program.js';

export class RecordIndex {
  /** Per label, the records declaring it, in declaration order. */
  private readonly byLabel = new Map<string, RecordInfo[]>();
  private latest: RecordInfo | undefined;

  /** `records` is the program's table (by name, in declaration order); `add` writes it. */
  constructor(private readonly records: Map<string, RecordInfo>) {}

  /** Declare `r`; its fields must have distinct names. */
  add(r: RecordInfo): void {
    this.records.set(r.name, r);
    this.latest = r;
    for (const f of r.fields) {
      const list = this.byLabel.get(f.name);
      if (list === undefined) this.byLabel.set(f.name, [r]);
      else list.push(r);
    }
  }

  /** The latest declared record that has every one of `labels`, if any. */
  withLabels(labels: readonly string[]): RecordInfo | undefined {
    if (labels.length === 0) return this.latest;
    const candidates = this.byLabel.get(labels[0]!);
    if (candidates === undefined) return undefined;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const r = candidates[i]!;
      if (labels.every((l) => r.fields.some((f) => f.name === l))) return r;
    }
    return undefined;
  }
}

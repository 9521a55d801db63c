/**
 * The declared records, indexed by field label, for the F# rule that a record expression or a
 * field access on a value of unknown type means the latest declared record having the labels
 * written. Keeping each label's records avoids scanning every record at each use. Also each
 * field's access (`r.Field`) and one-step chain, built once per field rather than at every use.
 */
import type { FieldAccess, RecordInfo } from '../psg/program.js';

export class RecordIndex {
  /** Per label, the records declaring it, in declaration order. */
  private readonly byLabel = new Map<string, RecordInfo[]>();
  /** Per record, the access of each field (in field order): one object for all uses of a field. */
  private readonly accesses = new Map<string, readonly FieldAccess[]>();
  /** Per record, the one-step chain `[access]` of each field, in field order (see `chainOf`). */
  private readonly chains = new Map<string, readonly (readonly FieldAccess[])[]>();
  private latest: RecordInfo | undefined;

  /** `records` is the program's table (by name, in declaration order); `add` writes it. */
  constructor(private readonly records: Map<string, RecordInfo>) {}

  /** Declare `r`; its fields must have distinct names. */
  add(r: RecordInfo): void {
    this.records.set(r.name, r);
    this.latest = r;
    const accesses = r.fields.map((f) => ({ record: r.name, field: f.name, index: f.index, type: f.type }));
    this.accesses.set(r.name, accesses);
    this.chains.set(r.name, accesses.map((a) => [a]));
    for (const f of r.fields) {
      const list = this.byLabel.get(f.name);
      if (list === undefined) this.byLabel.set(f.name, [r]);
      else list.push(r);
    }
  }

  /** The access of field `field` of record `record`, if both exist. */
  access(record: string, field: string): FieldAccess | undefined {
    const accesses = this.accesses.get(record);
    if (accesses === undefined) return undefined;
    for (const a of accesses) if (a.field === field) return a;
    return undefined;
  }

  /** `[a]`, the same list for every one-step field path through `a` (`frame.Length`). */
  chainOf(a: FieldAccess): readonly FieldAccess[] {
    return this.chains.get(a.record)![a.index]!;
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

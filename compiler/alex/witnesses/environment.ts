/**
 * What the F# symbols in scope are bound to in the function being lowered (`EnvEntry`: an SSA
 * value, a stack slot, or a lifted local function).
 *
 * One table serves a whole lowering: entries are indexed by symbol id and stamped with the function
 * they were bound in, so starting a function forgets everything without allocating, and a lookup is
 * two array reads (names are looked up at nearly every expression). The entries of the function
 * before are cleared all the same, so that its IR, which their values point into, can be collected.
 */
import type { EnvEntry } from './context.js';

export class Environment {
  private readonly entries: (EnvEntry | undefined)[] = [];
  private readonly stamps: number[] = [];
  private fn = 0;
  /** The ids bound to local functions in the current function, in binding order. */
  private readonly functionIds: number[] = [];
  /** The ids bound in the current function: the first `boundCount` (the list is reused). */
  private readonly bound: number[] = [];
  private boundCount = 0;

  /** Start a function in which the `visible` local functions of its enclosing functions are in scope. */
  begin(visible: ReadonlyMap<number, EnvEntry>): void {
    for (let i = 0; i < this.boundCount; i++) this.entries[this.bound[i]!] = undefined;
    this.boundCount = 0;
    this.fn++;
    // Most functions bind no local function: `length = 0` takes a slow path even on an empty list.
    if (this.functionIds.length > 0) this.functionIds.length = 0;
    // Most functions see no local function: no iterator is made for an empty map.
    if (visible.size > 0) for (const [id, entry] of visible) this.set(id, entry);
  }

  /** What symbol `id` is bound to, if it is bound in the current function. */
  get(id: number): EnvEntry | undefined {
    return this.stamps[id] === this.fn ? this.entries[id] : undefined;
  }

  /** Bind symbol `id` for the rest of the current function. */
  set(id: number, entry: EnvEntry): void {
    if (entry.kind === 'function' && this.get(id)?.kind !== 'function') this.functionIds.push(id);
    if (this.stamps[id] !== this.fn) this.bound[this.boundCount++] = id;
    this.entries[id] = entry;
    this.stamps[id] = this.fn;
  }

  /** The local functions bound now (for a function lifted here, which may call them), as a new map. */
  functions(): Map<number, EnvEntry> {
    const out = new Map<number, EnvEntry>();
    for (const id of this.functionIds) {
      const entry = this.get(id);
      if (entry?.kind === 'function') out.set(id, entry);
    }
    return out;
  }
}

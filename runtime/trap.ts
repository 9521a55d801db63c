/**
 * Trap: the one error a running program can raise. The runtime throws a Trap for every checked
 * failure (bad memory access, out of region space, bad text for Parse.int, incomplete matches, …);
 * the interpreter fills in the source location of the op that trapped and reports it with exit
 * code 70 (EX_SOFTWARE, as in Crafting Interpreters). A raw JS exception never reaches the user:
 * `asTrap` turns anything else into an internal-error Trap that says so plainly.
 */

/** What kind of failure a Trap reports; tests and the reporter can switch on it. */
export type TrapCode =
  | 'null-pointer'
  | 'out-of-bounds'
  | 'use-after-release'
  | 'read-only'
  | 'bad-pointer'
  | 'double-release'
  | 'out-of-memory'
  | 'argument-out-of-range'
  | 'format'
  | 'overflow'
  | 'divide-by-zero'
  | 'stack-overflow'
  | 'match-failure'
  | 'invalid-argument'
  | 'internal';

/** The process exit code for a program stopped by a Trap. */
export const TRAP_EXIT_CODE = 70;

/** A runtime error of the program being run (not of the simulator, except code 'internal'). */
export class Trap extends Error {
  /** Always 70. */
  readonly exitCode = TRAP_EXIT_CODE;
  /** Source location `file.fs(line,col)` of the op that trapped; set by the interpreter. */
  location: string | undefined;

  constructor(
    readonly code: TrapCode,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = 'Trap';
    this.location = location;
  }

  /** Sets the location unless one is already known (the innermost location wins); returns this. */
  at(location: string | undefined): this {
    if (this.location === undefined && location !== undefined) this.location = location;
    return this;
  }

  /** `file.fs(l,c): runtime error: message`, or `runtime error: message` with no location. */
  render(): string {
    const where = this.location === undefined ? '' : `${this.location}: `;
    return `${where}runtime error: ${this.message}`;
  }
}

/** Returns `e` if it is a Trap, otherwise an internal-error Trap that wraps it. */
export function asTrap(e: unknown): Trap {
  if (e instanceof Trap) return e;
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const trap = new Trap('internal', `internal error in the runtime (a bug in firefly-sim, not in the program): ${detail}`);
  if (e instanceof Error) trap.cause = e;
  return trap;
}

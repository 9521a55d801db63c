/** The runtime Trap a call raises, for tests that assert its message, code and location. */
import { Trap } from '../../runtime/trap.js';

/** Run `f` and return the Trap it throws; anything else thrown, or nothing, fails the test. */
export function trapOf(f: () => unknown): Trap {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e;
    throw new Error(`expected a Trap, got: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  throw new Error('expected a Trap, nothing was thrown');
}

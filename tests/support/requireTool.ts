/**
 * The policy for tests that need a tool npm cannot install (Chromium, the MLIR tools): when the
 * tool is missing, skip the test with a message saying what to install on a dev machine, but fail
 * it in CI (`CI=true`), where a check must never pass by being skipped. The same policy as
 * `mlirTools.ts`, for any executable.
 */
import { accessSync, constants } from 'node:fs';
import type { SkippableContext } from './mlirTools.js';

/** Whether `path` exists and is executable. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first executable among `candidates`. If there is none: in CI throw (failing the test),
 * elsewhere skip the test with `what` and the install hint.
 */
export function requireTool(ctx: SkippableContext, what: string, candidates: readonly string[], installHint: string): string {
  const found = candidates.find(isExecutable);
  if (found !== undefined) return found;
  const message = `${what} is not installed (looked for ${candidates.join(', ')}; ${installHint}); the test was not run`;
  if (process.env['CI'] === 'true') throw new Error(`${message}, and CI requires it`);
  return ctx.skip(message);
}

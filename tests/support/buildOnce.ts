/**
 * Build `dist/` for tests that run the real CLI, once, and only when it is missing or older than
 * the sources: `npm test` builds first (so this does nothing), `npx vitest run tests/cli` builds here.
 * Usable from `beforeAll` or as a vitest `globalSetup` (its default export).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

/** The built CLI, as package.json's `bin` names it. */
export const cliPath = 'dist/compiler/driver/cli.js';

const sourceRoots = ['compiler', 'runtime', 'scripts'];

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `dist/` lacks the CLI or is older than some source file. */
export function distIsStale(): boolean {
  if (!existsSync(cliPath)) return true;
  const built = statSync(cliPath).mtimeMs;
  return sourceRoots.some((root) => newestSource(root) > built);
}

/**
 * Build with `tsc -p tsconfig.build.json` if needed. tsc emits even when some other file has type
 * errors; what matters here is that the CLI was written, so a build is judged by its output.
 */
export async function ensureBuilt(): Promise<void> {
  if (!distIsStale()) return;
  const started = Date.now();
  const r = await execa('npx', ['tsc', '-p', 'tsconfig.build.json'], { reject: false, all: true });
  if (!existsSync(cliPath) || statSync(cliPath).mtimeMs < started - 1000) {
    throw new Error(`building dist/ failed (exit ${r.exitCode}):\n${r.all}`);
  }
}

export default ensureBuilt;

/**
 * Build `dist/` for tests that run the real CLI, once, and only when it is missing or older than
 * the sources: `npm test` builds first (so this does nothing), `npx vitest run tests/cli` builds here.
 * Usable from `beforeAll` or as a vitest `globalSetup` (its default export).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

/** The built CLI, as package.json's `bin` names it: the one-file bundle `npm run build` writes last. */
export const cliPath = 'dist/firefly-sim.js';

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
 * Build if needed, as `npm run build` does: `tsc -p tsconfig.build.json`, then the bundle. tsc
 * emits even when some other file has type errors; what matters here is that the CLI was written,
 * so the bundle step runs regardless and a build is judged by its output.
 */
export async function ensureBuilt(): Promise<void> {
  if (!distIsStale()) return;
  const started = Date.now();
  const tsc = await execa('npx', ['tsc', '-p', 'tsconfig.build.json'], { reject: false, all: true });
  const bundle = await execa('npm', ['run', '--silent', 'bundle'], { reject: false, all: true });
  if (!existsSync(cliPath) || statSync(cliPath).mtimeMs < started - 1000) {
    throw new Error(`building dist/ failed (tsc exit ${tsc.exitCode}, bundle exit ${bundle.exitCode}):\n${tsc.all}\n${bundle.all}`);
  }
}

export default ensureBuilt;

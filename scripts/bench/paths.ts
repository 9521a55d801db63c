/**
 * Where the benchmark finds the project: the repository root, the built CLI and the sample it
 * measures. The benchmark runs as built JavaScript (`dist/scripts/...`), so the root is found by
 * walking up to the nearest package.json rather than by a fixed number of `..`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`internal error: no package.json above ${start}`);
}

/** The repository root. */
export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * The built CLI as a user runs it: package.json's `bin` (the bundle, when the build makes one),
 * else tsc's output of the driver. `npm run build` first.
 */
function findCli(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> | string };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['firefly-sim'];
  return bin !== undefined && existsSync(join(ROOT, bin)) ? join(ROOT, bin) : join(ROOT, 'dist', 'compiler', 'driver', 'cli.js');
}

export const CLI = findCli();

/** The program whose compile and whose server are measured. */
export const ECHO_SAMPLE = 'samples/WebSocketEcho.fs';

/** Where results are written. */
export const RESULTS_DIR = join(ROOT, 'bench-results');

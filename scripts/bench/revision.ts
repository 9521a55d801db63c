/**
 * What was measured: the git commit the build came from, and whether the working tree had
 * uncommitted changes (`npm run bench` builds whatever is checked out, so a dirty tree measures
 * code no commit holds, and the report says so).
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './paths.js';

/** The measured source revision. */
export interface Revision {
  readonly commit: string;
  /** Files with uncommitted changes under compiler/, runtime/ or samples/ (the code measured). */
  readonly uncommittedFiles: number;
}

function git(args: readonly string[]): string | null {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** HEAD and the count of uncommitted files in the measured code, or 'unknown' outside git. */
export function describeRevision(): Revision {
  const commit = git(['rev-parse', '--short', 'HEAD']) ?? 'unknown';
  const status = git(['status', '--porcelain', '--', 'compiler', 'runtime', 'samples']) ?? '';
  return { commit, uncommittedFiles: status === '' ? 0 : status.split('\n').length };
}

/**
 * `--emit typed` of each sample, byte for byte, against `tests/checking/typed/<Sample>.typed`: the
 * typed program (every node's type, every resolution and instantiation, captures, arities) must not
 * change when the checker's implementation does. After an intended change, rewrite the files with
 * `FIREFLY_UPDATE_TYPED=1 npx vitest run tests/checking/typedGolden.test.ts` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileSource } from '../../compiler/driver/pipeline.js';

const SAMPLES = ['HelloWorld', 'SocketBasics', 'WebSocketEcho'];
const update = process.env['FIREFLY_UPDATE_TYPED'] === '1';

describe('--emit typed of the samples', () => {
  for (const name of SAMPLES) {
    test(name, () => {
      const file = `samples/${name}.fs`;
      const out = compileSource(file, readFileSync(file, 'utf8'), { emit: 'typed' });
      expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const golden = `tests/checking/typed/${name}.typed`;
      if (update) writeFileSync(golden, out.text ?? '');
      expect(out.text).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

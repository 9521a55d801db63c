/**
 * The real MLIR tools accept what the compiler prints (spec/mlir.md): `mlir-opt-19` parses and
 * verifies every golden file and every sample's output, with and without `--debug-info`; the
 * spec's lowering pipeline through `mlir-translate-19 --mlir-to-llvmir` succeeds for every sample;
 * and the commands of the README work as pipes: `firefly-sim compile X.fs | mlir-opt-19` and
 * `npm run compile X.fs | mlir-opt-19` (npm's script banner must stay off stdout, see `.npmrc`).
 * Without the tools these tests skip on a dev machine and fail under CI=true.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { HAND_WRITTEN_GOLDEN } from '../../scripts/golden-update.js';
import { lowerToLlvmIr, mlirOptVerify, mlirTool } from '../support/mlirTools.js';
import { CLI, ROOT, SAMPLES, compileFile, readRoot, scratchDir } from './support.js';

const scratch = scratchDir('firefly-golden-');
afterAll(() => scratch.remove());

/** The environment of a user's shell: npm's own variables (set when `npm test` runs us) removed. */
const userEnv = (): Record<string, string> =>
  Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !/^npm_/i.test(e[0])));

const goldenFiles = [...HAND_WRITTEN_GOLDEN.map((g) => `golden/${g}`), ...SAMPLES.map((s) => s.golden)];

describe.each(goldenFiles)('%s', (golden) => {
  it('mlir-opt-19 parses and verifies it', async (ctx) => {
    const run = await mlirOptVerify(`${ROOT}/${golden}`, ctx);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('lowers to LLVM IR through the spec pipeline', async (ctx) => {
    const run = await lowerToLlvmIr(`${ROOT}/${golden}`, ctx);
    expect(run.stderr, `${run.stage} failed`).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^define /m);
  });
});

describe.each(SAMPLES)('$name', (sample) => {
  for (const debugInfo of [false, true]) {
    const how = debugInfo ? ' with --debug-info' : '';
    it(`mlir-opt-19 parses and verifies the output${how}`, async (ctx) => {
      const file = scratch.write(`${sample.name}${debugInfo ? '.dbg' : ''}.mlir`, compileFile(sample.source, debugInfo));
      const run = await mlirOptVerify(file, ctx);
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/^\s*func\.func @main\(%arg0: i32, %arg1: !llvm\.ptr\) -> i32 \{$/m);
    });

    it(`the output lowers through mlir-opt-19 and mlir-translate-19 --mlir-to-llvmir${how}`, async (ctx) => {
      const file = scratch.write(`${sample.name}.lower${debugInfo ? '.dbg' : ''}.mlir`, compileFile(sample.source, debugInfo));
      const run = await lowerToLlvmIr(file, ctx);
      expect(run.stderr, `${run.stage} failed`).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/^define i32 @main\(i32 %0, ptr %1\)/m);
    });
  }

  it(`node dist/compiler/driver/cli.js compile ${sample.source} | mlir-opt-19 exits 0`, async (ctx) => {
    const opt = mlirTool('mlir-opt-19', ctx);
    const run = await execa('node', [CLI, 'compile', sample.source], { cwd: ROOT, reject: false }).pipe(opt, [], { reject: false });
    expect(run.pipedFrom[0]?.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });
});

describe('npm run compile', () => {
  it('npm run compile samples/WebSocketEcho.fs | mlir-opt-19 exits 0: no npm banner on stdout', async (ctx) => {
    const opt = mlirTool('mlir-opt-19', ctx);
    const npm = execa('npm', ['run', 'compile', 'samples/WebSocketEcho.fs'], { cwd: ROOT, env: userEnv(), extendEnv: false, reject: false });
    const run = await npm.pipe(opt, [], { reject: false });
    const source = run.pipedFrom[0]!;
    expect(source.exitCode).toBe(0);
    expect(String(source.stdout)).toBe(readRoot('golden/WebSocketEcho.mlir').trimEnd());
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('npm prints its banner on stdout when asked to log (what the project .npmrc turns off)', async () => {
    const run = await execa('npm', ['run', 'compile', 'samples/HelloWorld.fs', '--loglevel=notice'], { cwd: ROOT, env: userEnv(), extendEnv: false, reject: false });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^\n> firefly-sim@\d+\.\d+\.\d+ compile\n> node dist\/firefly-sim\.js compile samples\/HelloWorld\.fs\n/);
  });

  it('a compile error still reaches stderr and the exit code through npm', async () => {
    const run = await execa('npm', ['run', 'compile', 'samples/NoSuchSample.fs'], { cwd: ROOT, env: userEnv(), extendEnv: false, reject: false });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("firefly-sim: cannot read 'samples/NoSuchSample.fs': no such file");
  });
});

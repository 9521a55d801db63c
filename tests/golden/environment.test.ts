/**
 * The lowering's environment (symbol id → what it is bound to): one table for the whole lowering,
 * so each function must start with only what it inherits, and a local function lifted out of a
 * function must see the local functions bound there. Then a program whose local functions are
 * lifted out of nested scopes, capturing values, compiles and verifies.
 */
import { describe, expect, it } from 'vitest';
import type { BindingInfo } from '../../compiler/fncs/psg/program.js';
import type { EnvEntry } from '../../compiler/alex/witnesses/context.js';
import { Environment } from '../../compiler/alex/witnesses/environment.js';
import { bodyLines, compileMlir } from './support.js';

const value = (n: number): EnvEntry => ({ kind: 'value', value: { def: 'arg', index: n, type: { kind: 'ptr' } } });
const fn = (name: string): EnvEntry => ({ kind: 'function', info: {} as BindingInfo, captures: [], nameFor: () => name });

describe('the environment', () => {
  it('binds symbols for the current function only', () => {
    const env = new Environment();
    env.begin(new Map());
    const a = value(0);
    env.set(3, a);
    expect(env.get(3)).toBe(a);
    expect(env.get(4)).toBeUndefined();
    env.begin(new Map());
    expect(env.get(3)).toBeUndefined();
  });

  it('starts a function with the local functions it inherits, and lists them with those bound in it, once each', () => {
    const env = new Environment();
    env.begin(new Map());
    const f = fn('f');
    env.set(1, f);
    env.set(2, value(0));
    const inherited = env.functions();
    expect([...inherited]).toEqual([[1, f]]);
    env.begin(inherited);
    expect(env.get(1)).toBe(f);
    expect(env.get(2)).toBeUndefined();
    const g = fn('g');
    env.set(5, g);
    env.set(5, g);
    expect([...env.functions()]).toEqual([[1, f], [5, g]]);
  });
});

describe('lifted local functions', () => {
  it('see their captures and the local functions of the scopes they come from', () => {
    const source = [
      'module Test',
      '',
      'let outer (x: int) (y: int) =',
      '    let add (a: int) = a + x',
      '    let twice (a: int) = add (add a)',
      '    let inner (z: int) =',
      '        let deep (w: int) = twice w + z + y',
      '        deep z',
      '    inner x',
      '',
      '[<EntryPoint>]',
      'let main _ = outer 1 2',
      '',
    ].join('\n');
    const out = compileMlir('test.fs', source);
    expect(out.rendered).toBe('');
    const text = out.text!;
    for (const name of ['outer.add', 'outer.twice', 'outer.inner', 'outer.inner.deep']) expect(text).toContain(`func.func @${name}(`);
    expect(bodyLines(text, 'outer.inner.deep').some((l) => l.includes('func.call @outer.twice('))).toBe(true);
  });
});

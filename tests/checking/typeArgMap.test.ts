/**
 * TypeArgMap (compiler/fncs/checking/typeArgMap.ts), the read-only map of a generic intrinsic's type
 * arguments: it must answer as the `Map` it replaces would, in the scheme's parameter order, and
 * see the checker's in-place zonking of its types.
 */
import { describe, expect, test } from 'vitest';
import { TypeArgMap } from '../../compiler/fncs/checking/typeArgMap.js';
import { prim, tInt, VarSupply, zonk } from '../../compiler/fncs/checking/types.js';

const byte = prim('byte');

describe('TypeArgMap', () => {
  test('answers get, has, size and iteration as a Map of the same entries would', () => {
    const args = new TypeArgMap(["'T", "'U"], [byte, tInt]);
    const map = new Map([["'T", byte], ["'U", tInt]]);
    expect(args.size).toBe(map.size);
    for (const name of ["'T", "'U", "'V", '']) {
      expect(args.get(name)).toBe(map.get(name));
      expect(args.has(name)).toBe(map.has(name));
    }
    expect([...args]).toEqual([...map]);
    expect([...args.entries()]).toEqual([...map.entries()]);
    expect([...args.keys()]).toEqual(["'T", "'U"]);
    expect([...args.values()]).toEqual([byte, tInt]);
    const seen: string[] = [];
    args.forEach((t, name, m) => {
      expect(m).toBe(args);
      expect(t).toBe(map.get(name));
      seen.push(name);
    });
    expect(seen).toEqual(["'T", "'U"]);
  });

  test('an intrinsic without generic parameters has an empty map', () => {
    const args = new TypeArgMap([], []);
    expect(args.size).toBe(0);
    expect(args.get("'T")).toBeUndefined();
    expect([...args]).toEqual([]);
  });

  test('reads see the types zonked in place, and never write the shared names', () => {
    const names = Object.freeze(["'T"]);
    const v = new VarSupply().fresh(0);
    const args = new TypeArgMap(names, [v]);
    if (v.kind !== 'Var') throw new Error('expected a variable');
    v.tv.link = byte;
    args.types[0] = zonk(args.types[0]!);
    expect(args.get("'T")).toBe(byte);
    expect(names).toEqual(["'T"]);
  });
});

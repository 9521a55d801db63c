/**
 * Checking a declaration at a time (`DeclarationChecker`): a released declaration's functions stay
 * in scope for the declarations after it, with their names and types, while nothing of their
 * trees is kept (a large program has thousands of them, live until its end).
 */
import { describe, expect, it } from 'vitest';
import { DeclarationChecker, type CheckedDeclaration } from '../../compiler/fncs/checking/checkStream.js';
import { printType } from '../../compiler/fncs/checking/types.js';
import { layOutSource } from '../../compiler/fncs/syntax/parse.js';
import { streamFastBuffer } from '../../compiler/fncs/syntax/tokens2ast.js';

const source = `module M

let add (a: int) (b: int) = a + b

let sub (a: int) (b: int) =
    let d = a - b
    d

let twice (x: int) = add x x

[<EntryPoint>]
let main _ = sub (twice 2) 1
`;

/** Check `text` a declaration at a time, releasing each one once the next is checked. */
function checkReleasing(text: string): { checker: DeclarationChecker; done: CheckedDeclaration[]; released: boolean[] } {
  const laidOut = layOutSource('m.fs', text);
  expect(laidOut.diagnostics).toEqual([]);
  let checker: DeclarationChecker | undefined;
  const decls: Parameters<DeclarationChecker['check']>[0][] = [];
  expect(streamFastBuffer('m.fs', laidOut.tokens, (d, header) => {
    checker ??= new DeclarationChecker(header);
    decls.push(d);
  })).toBe(true);
  const done: CheckedDeclaration[] = [];
  const released: boolean[] = [];
  decls.forEach((d, i) => {
    done.push(checker!.check(d, i === decls.length - 1));
    expect(checker!.reported).toBe(0);
    if (i > 0) released.push(checker!.release(done[i - 1]!));
  });
  return { checker: checker!, done, released };
}

describe('a released declaration', () => {
  it('leaves its functions in scope with their names, types and arities', () => {
    const { done, released } = checkReleasing(source);
    expect(released).toEqual([true, true, true]);
    const [add, sub, twice] = done.map((d) => d.infos[0]!);
    expect([add!.symbol.name, printType(add!.symbol.type), add!.arity, add!.isFunction]).toEqual(['add', 'int -> int -> int', 2, true]);
    expect([sub!.symbol.name, printType(sub!.symbol.type), printType(sub!.returnType)]).toEqual(['sub', 'int -> int -> int', 'int']);
    expect([twice!.symbol.name, printType(twice!.symbol.type), twice!.arity]).toEqual(['twice', 'int -> int', 1]);
  });

  it('keeps nothing of its trees: functions of one arity share one stand-in definition', () => {
    const { done } = checkReleasing(source);
    const [add, sub, twice] = done.map((d) => d.infos[0]!);
    expect(add!.binding).toBe(sub!.binding);
    expect(add!.binding).not.toBe(twice!.binding);
    expect(add!.binding.body.kind).toBe('Error');
    expect(add!.binding.params).toHaveLength(2);
    expect(twice!.binding.params).toHaveLength(1);
  });
});

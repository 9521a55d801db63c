/**
 * `compile` to MLIR a declaration at a time: each top-level declaration is parsed, checked, and
 * its functions lowered, verified and printed, before the next is read, and then let go. The
 * whole-program pipeline keeps every tree of a program alive from parsing until printing, so a
 * large program's heap grows with it and the garbage collector copies and marks it again and
 * again; here the live heap is about one declaration, whatever the program's size.
 *
 * It is a faster road to the same text, not another compiler: the parser, the checker and the
 * witnesses are the same, fed one declaration at a time (F# checks declarations in order, and none
 * sees a later one), and the text is byte for byte what the whole-program pipeline prints. Even the
 * lexing and layout go a declaration ahead of the parser (`layOutAhead.ts`). It only
 * takes programs that compile cleanly: at the first diagnostic of any stage, or anything the fast
 * parser does not accept, it gives up (`null`), and the caller compiles the program whole, which
 * reports exactly what it always did. `tests/driver/streamCompile.test.ts` holds the two to the
 * same output.
 */
import type { Decl } from '../fncs/syntax/ast.js';
import { LayOutAhead } from '../fncs/syntax/layOutAhead.js';
import { streamFastFeed } from '../fncs/syntax/tokens2ast.js';
import { DeclarationChecker } from '../fncs/checking/checkStream.js';
import { TextLowering } from '../alex/witnesses/lower.js';
import type { PrintOptions } from '../alex/ir/printer.js';

/** Thrown from inside the parser's loop to stop at the first thing that is not clean. */
const NOT_CLEAN = Symbol('not clean');

/** The MLIR text of a program that compiles without any diagnostic, or null (compile it whole). */
export function compileStreamed(file: string, text: string, options: PrintOptions): string | null {
  let checker: DeclarationChecker | undefined;
  let lowering: TextLowering | undefined;
  // One declaration is held back until the next is read: checking needs to know which is last.
  let held: Decl | undefined;
  const step = (d: Decl, isLast: boolean): void => {
    const done = checker!.check(d, isLast);
    if (checker!.reported > 0) throw NOT_CLEAN;
    if (done.infos.length === 0) return;
    const finished = lowering!.declaration(done.infos);
    if (!lowering!.clean) throw NOT_CLEAN;
    if (finished) checker!.release(done);
  };
  try {
    // Lexed and laid out an item ahead of the parser: a file that is not clean is found out there.
    const accepted = streamFastFeed(file, new LayOutAhead(file, text), (d, header) => {
      checker ??= new DeclarationChecker(header);
      lowering ??= new TextLowering(checker.program, options);
      if (held !== undefined) step(held, false);
      held = d;
    });
    if (!accepted || held === undefined) return null;
    step(held, true);
  } catch (e) {
    if (e === NOT_CLEAN) return null;
    throw e;
  }
  const out = lowering!.finish();
  return out.diagnostics.length === 0 && out.verifyFailures.length === 0 ? out.text : null;
}

/**
 * Verifies a module as it is built, one definition at a time: the definition is walked when it is
 * complete, while it is fresh in memory, and the module need never be held whole. It finds what
 * `verifyModule` finds in the finished module, in the same order.
 *
 * What a definition cannot show on its own waits for `finish`, kept small. Its symbol rules (a
 * call agreeing with its callee) read the symbols defined so far, which the module builder defines
 * once each, so that a symbol found is the one the finished module has; a rule that finds a symbol
 * missing may be about one defined later (a generic specialisation, a lifted local function, queued
 * after their caller), so the op waits, in its place among the failures. Unique symbols are checked
 * at the end, over a stub per definition: its name, attributes and location, not its body.
 */
import type { Module, Operation } from './ir.js';
import { symbolStub } from './opParts.js';
import type { SymbolLookup, SymbolRule } from './ops.js';
import { checkingWith, failure, symbolTable, Verifier, type Report, type VerifyFailure } from './verifier.js';

/** A symbol rule checked at the end: the op, and the rule. */
interface Waiting {
  readonly op: Operation;
  readonly rule: SymbolRule;
}

export class StreamVerifier {
  /** The failures found so far, and the checks waiting, in the order `verifyModule` reports them. */
  private readonly found: (VerifyFailure | Waiting)[] = [];
  private failures = 0;
  /** A stub of each definition, in order. */
  private readonly definitions: Operation[] = [];
  private readonly walker: Verifier;
  /** Whether the symbol rule being checked looked for a symbol not defined so far. */
  private missed = false;

  /** `definedSoFar`: the symbols the module being built has defined so far (each name once). */
  constructor(definedSoFar: SymbolLookup) {
    const lookup: SymbolLookup = (name) => {
      const op = definedSoFar(name);
      if (op === undefined) this.missed = true;
      return op;
    };
    const report: Report = (op, problem) => {
      this.found.push(failure(op, problem));
      this.failures++;
    };
    const checkSymbols = (op: Operation, rule: SymbolRule): void => {
      this.missed = false;
      const problems = rule(op, lookup);
      if (this.missed) this.found.push({ op, rule });
      else for (let i = 0; i < problems.length; i++) report(op, problems[i]!);
    };
    this.walker = new Verifier(report, checkSymbols);
  }

  /** Whether no failure was found so far (checks still waiting may find some). */
  get ok(): boolean {
    return this.failures === 0;
  }

  /** Verify the complete definition `op`, the module's next one (`stub`: the module's stub of it, if it keeps one). */
  definition(op: Operation, stub: Operation = symbolStub(op)): void {
    this.definitions.push(stub);
    this.walker.topLevel(op);
  }

  /**
   * The module's failures, given the rest of it: `head`, the ops before the definitions
   * (declarations and globals), which the walk checks now.
   */
  finish(head: Module): VerifyFailure[] {
    const failures: VerifyFailure[] = [];
    const report: Report = (op, problem) => { failures.push(failure(op, problem)); };
    const symbols = symbolTable([...head.ops, ...this.definitions], report);
    const check = checkingWith((name) => symbols.get(name), report);
    const walker = new Verifier(report, check);
    for (const op of head.ops) walker.topLevel(op);
    for (const f of this.found) {
      if ('message' in f) failures.push(f);
      else check(f.op, f.rule);
    }
    return failures;
  }
}

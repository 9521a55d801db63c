/**
 * `--emit typed`: a deterministic, indented dump of the typed program. Every node is printed with
 * its type; names with their resolution (`#id` of the symbol, or the intrinsic with its
 * instantiation), generic uses with their type arguments, local functions with their captures.
 */
import type { Binding, BlockItem, Expr, Pattern } from '../syntax/ast.js';
import { printType, tError, type Type } from '../checking/types.js';
import type { PathResolution, TypedProgram } from './program.js';

const ty = (t: Type): string => printType(t);

/** A lookup that may be missing on a program with errors (printed as `?` rather than thrown). */
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function resolutionText(r: PathResolution): string {
  switch (r.kind) {
    case 'error': return '<unresolved>';
    case 'symbol': {
      const args = r.typeArgs.length > 0 ? ` <${r.typeArgs.map(ty).join(', ')}>` : '';
      const fields = r.fields.map((f) => ` .${f.field}[${f.record}#${f.index}]`).join('');
      return `${r.symbol.kind} ${r.symbol.name}#${r.symbol.id}${args}${fields}`;
    }
    case 'intrinsic': {
      const args = [...r.typeArgs].map(([k, t]) => `${k}=${ty(t)}`).join(', ');
      const fields = r.fields.map((f) => ` .${f.field}[${f.record}#${f.index}]`).join('');
      return `intrinsic ${r.intrinsic.name} : ${ty(r.type)}${args === '' ? '' : ` [${args}]`} (${r.intrinsic.lowering.kind})${fields}`;
    }
  }
}

/** The typed tree of `p`, one node per line. */
export function printTyped(p: TypedProgram): string {
  const out: string[] = [`module ${p.module.name.text}`];
  const line = (depth: number, text: string): void => {
    out.push(`${'  '.repeat(depth)}${text}`);
  };

  const pattern = (pat: Pattern, d: number): void => {
    const t = ty(p.patternType(pat));
    switch (pat.kind) {
      case 'PWild': return line(d, `PWild : ${t}`);
      case 'PConst': return line(d, `PConst ${pat.value.type === 'int' ? pat.value.text : pat.value.type === 'string' ? JSON.stringify(pat.value.value) : pat.value.type === 'bool' ? String(pat.value.value) : '()'} : ${t}`);
      case 'PVar': return line(d, `PVar ${pat.name.text}#${p.patternSymbol(pat).id} : ${t}`);
      case 'POr':
        line(d, `POr : ${t}`);
        return pat.alternatives.forEach((a) => pattern(a, d + 1));
    }
  };

  const binding = (b: Binding, d: number): void => {
    const info = p.bindingInfo(b);
    const flags = [info.isEntryPoint ? 'entry' : '', info.isRec ? 'rec' : '', b.mutable ? 'mutable' : ''].filter((x) => x !== '').join(' ');
    const generic = info.symbol.typeParams.length > 0 ? ` <${info.symbol.typeParams.map(ty).join(', ')}>` : '';
    line(d, `${info.isLocal ? 'Local' : 'Let'}${flags === '' ? '' : ` [${flags}]`} ${b.name.text}#${info.symbol.id}${generic} : ${ty(info.symbol.type)} (arity ${info.arity})`);
    if (info.captures.length > 0) line(d + 1, `captures ${info.captures.map((s) => `${s.name}#${s.id}`).join(', ')}`);
    for (const prm of b.params) {
      const s = p.paramSymbol(prm);
      line(d + 1, `Param ${s === null ? (prm.unit ? '()' : '_') : `${s.name}#${s.id}`} : ${ty(p.paramType(prm))}`);
    }
    expr(b.body, d + 1);
  };

  const item = (it: BlockItem, d: number): void => {
    if (it.kind === 'LocalLet') it.bindings.forEach((b) => binding(b, d));
    else expr(it, d);
  };

  const expr = (e: Expr, d: number): void => {
    const t = ty(p.typeOf(e));
    switch (e.kind) {
      case 'Literal':
        return line(d, `Literal ${e.value.type === 'int' ? e.value.text : e.value.type === 'string' ? JSON.stringify(e.value.value) : e.value.type === 'bool' ? String(e.value.value) : '()'} : ${t}`);
      case 'Path':
        return line(d, `Path ${e.parts.map((n) => n.text).join('.')} : ${t} = ${resolutionText(p.resolutionOf(e))}`);
      case 'TypeApp':
        line(d, `TypeApp : ${t}`);
        return expr(e.target, d + 1);
      case 'FieldGet': {
        const f = safe(() => p.fieldOf(e));
        line(d, `FieldGet .${e.field.text}${f === undefined ? '' : `[${f.record}#${f.index}]`} : ${t}`);
        return expr(e.target, d + 1);
      }
      case 'App':
        line(d, `App : ${t}`);
        expr(e.fn, d + 1);
        return e.args.forEach((a) => expr(a, d + 1));
      case 'Index':
        line(d, `Index : ${t}`);
        expr(e.target, d + 1);
        return expr(e.index, d + 1);
      case 'Infix':
        line(d, `Infix ${e.op} on ${ty(safe(() => p.operandTypeOf(e)) ?? tError)} : ${t}`);
        expr(e.left, d + 1);
        return expr(e.right, d + 1);
      case 'Prefix':
        line(d, `Prefix ${e.op} on ${ty(p.operandTypeOf(e))} : ${t}`);
        return expr(e.operand, d + 1);
      case 'If':
        line(d, `If : ${t}`);
        expr(e.cond, d + 1);
        expr(e.then, d + 1);
        if (e.otherwise !== null) expr(e.otherwise, d + 1);
        return;
      case 'While':
        line(d, `While : ${t}`);
        expr(e.cond, d + 1);
        return expr(e.body, d + 1);
      case 'For': {
        const v = p.forVariableOf(e);
        line(d, `For ${v.name}#${v.id} ${e.down ? 'downto' : 'to'} : ${t}`);
        expr(e.from, d + 1);
        expr(e.to, d + 1);
        return expr(e.body, d + 1);
      }
      case 'Match': {
        const info = p.matchInfoOf(e);
        line(d, `Match${info.exhaustive ? '' : ' [incomplete]'} : ${t}`);
        expr(e.scrutinee, d + 1);
        for (const arm of e.arms) {
          line(d + 1, 'Arm');
          pattern(arm.pattern, d + 2);
          if (arm.guard !== null) {
            line(d + 2, 'When');
            expr(arm.guard, d + 3);
          }
          expr(arm.body, d + 2);
        }
        return;
      }
      case 'Block':
        line(d, `Block : ${t}`);
        return e.items.forEach((it) => item(it, d + 1));
      case 'Assign':
        line(d, `Assign : ${t}`);
        expr(e.target, d + 1);
        return expr(e.value, d + 1);
      case 'Record':
      case 'RecordUpdate':
        line(d, `${e.kind} ${safe(() => p.recordOf(e).name) ?? '?'} : ${t}`);
        if (e.kind === 'RecordUpdate') expr(e.source, d + 1);
        for (const f of e.fields) {
          line(d + 1, `${f.name.text} =`);
          expr(f.value, d + 2);
        }
        return;
      case 'Error':
        return line(d, `Error : ${t}`);
    }
  };

  for (const r of p.records.values()) {
    line(0, `Record ${r.name}`);
    r.fields.forEach((f) => line(1, `${f.index} ${f.mutable ? 'mutable ' : ''}${f.name} : ${ty(f.type)}`));
  }
  for (const b of p.topLevel) binding(b.binding, 0);
  return out.join('\n');
}

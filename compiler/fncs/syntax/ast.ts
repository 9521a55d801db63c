/**
 * The untyped abstract syntax tree of the F# subset, as the parser builds it.
 *
 * Every node is an immutable tagged union member (`kind`) carrying the source span it came from.
 * Analysis results (types, name resolutions, intrinsic entries) never go into these nodes: the
 * checker keeps them in side tables keyed by node identity (see `fncs/psg`).
 */

/** A source range. Lines and columns are 1-based, as in F# diagnostics; `end` is exclusive. */
export interface Span {
  readonly file: string;
  readonly startLine: number;
  readonly startCol: number;
  readonly endLine: number;
  readonly endCol: number;
  readonly startOffset: number;
  readonly endOffset: number;
}

/** A name together with where it was written. */
export interface Name {
  readonly text: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Types as written in annotations
// ---------------------------------------------------------------------------------------------

export type TypeExpr =
  /** `int`, `nativeptr<byte>`, `Region`, a record name; `args` is empty for non-generic names. */
  | { readonly kind: 'TypeName'; readonly name: Name; readonly args: readonly TypeExpr[]; readonly span: Span }
  /** `'T` */
  | { readonly kind: 'TypeVar'; readonly name: Name; readonly span: Span }
  /** `string[]` */
  | { readonly kind: 'TypeArray'; readonly element: TypeExpr; readonly span: Span }
  /** `int -> int` */
  | { readonly kind: 'TypeFun'; readonly from: TypeExpr; readonly to: TypeExpr; readonly span: Span };

// ---------------------------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------------------------

/** The F# type an integer literal has, from its suffix (none → `int`). */
export type IntLiteralType = 'int' | 'int64' | 'uint32' | 'uint64' | 'byte' | 'sbyte' | 'int16' | 'uint16';

export type LiteralValue =
  /** `value` is the literal's mathematical value (already negated for `-1` patterns/literals). */
  | { readonly type: 'int'; readonly intType: IntLiteralType; readonly value: bigint; readonly text: string }
  | { readonly type: 'bool'; readonly value: boolean }
  /** `value` is the decoded string (escapes resolved). */
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'unit' };

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expr =
  | { readonly kind: 'Literal'; readonly value: LiteralValue; readonly span: Span }
  /**
   * A dotted name written without spaces: `x`, `Sys.read`, `frame.Opcode`, `a.b.c`.
   * The checker resolves it (a local then field accesses, or a module member such as an intrinsic).
   */
  | { readonly kind: 'Path'; readonly parts: readonly Name[]; readonly span: Span }
  /** `(expr).Field`: a field access on something that is not a plain path. */
  | { readonly kind: 'FieldGet'; readonly target: Expr; readonly field: Name; readonly span: Span }
  /** `Region.alloc<byte>`: explicit type arguments on a path. */
  | { readonly kind: 'TypeApp'; readonly target: Expr; readonly typeArgs: readonly TypeExpr[]; readonly span: Span }
  /** `f a b c`: application by juxtaposition, arguments in order. */
  | { readonly kind: 'App'; readonly fn: Expr; readonly args: readonly Expr[]; readonly span: Span }
  /** `argv.[i]` */
  | { readonly kind: 'Index'; readonly target: Expr; readonly index: Expr; readonly span: Span }
  /** Binary operators, including `|>`, `&&`, `||`, comparisons, arithmetic and bitwise ones. */
  | { readonly kind: 'Infix'; readonly op: InfixOp; readonly opSpan: Span; readonly left: Expr; readonly right: Expr; readonly span: Span }
  /** Unary `-`, `~~~` and `not`. */
  | { readonly kind: 'Prefix'; readonly op: PrefixOp; readonly opSpan: Span; readonly operand: Expr; readonly span: Span }
  /** `if c then a else b`; `elif` chains become nested `If` in `otherwise`; no `else` → null. */
  | { readonly kind: 'If'; readonly cond: Expr; readonly then: Expr; readonly otherwise: Expr | null; readonly span: Span }
  | { readonly kind: 'While'; readonly cond: Expr; readonly body: Expr; readonly span: Span }
  /** `for i in a .. b do` (style 'in') and `for i = a to b do` / `downto` (style 'to'). Bounds inclusive. */
  | {
      readonly kind: 'For';
      readonly variable: Name;
      readonly from: Expr;
      readonly to: Expr;
      readonly down: boolean;
      readonly style: 'in' | 'to';
      readonly body: Expr;
      readonly span: Span;
    }
  | { readonly kind: 'Match'; readonly scrutinee: Expr; readonly arms: readonly MatchArm[]; readonly span: Span }
  /** Lines of a block; its value is the last item's. A `let` item scopes over the items after it. */
  | { readonly kind: 'Block'; readonly items: readonly BlockItem[]; readonly span: Span }
  /** `x <- e` */
  | { readonly kind: 'Assign'; readonly target: Expr; readonly value: Expr; readonly span: Span }
  /** `{ A = 1; B = x }` */
  | { readonly kind: 'Record'; readonly fields: readonly FieldInit[]; readonly span: Span }
  /** `{ r with A = 2 }` */
  | { readonly kind: 'RecordUpdate'; readonly source: Expr; readonly fields: readonly FieldInit[]; readonly span: Span }
  /** A construct the parser recognised but the subset leaves out; already reported as a diagnostic. */
  | { readonly kind: 'Error'; readonly span: Span };

export type InfixOp =
  | '|>' | '||' | '&&'
  | '=' | '<>' | '<' | '<=' | '>' | '>='
  | '|||' | '^^^' | '&&&'
  | '<<<' | '>>>'
  | '+' | '-'
  | '*' | '/' | '%';

export type PrefixOp = '-' | '~~~' | 'not';

export interface FieldInit {
  readonly name: Name;
  readonly value: Expr;
  readonly span: Span;
}

export interface MatchArm {
  /** The arm's pattern; `| 1 | 2 ->` is one `Or` pattern. */
  readonly pattern: Pattern;
  readonly guard: Expr | null;
  readonly body: Expr;
  readonly span: Span;
}

/** A line of a block: an expression, or a local `let` that scopes over the following lines. */
export type BlockItem = Expr | LocalLet;

export interface LocalLet {
  readonly kind: 'LocalLet';
  readonly rec: boolean;
  readonly bindings: readonly Binding[];
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------------------

export type Pattern =
  | { readonly kind: 'PWild'; readonly span: Span }
  /** A literal pattern: integer (with suffix), string, bool or unit. */
  | { readonly kind: 'PConst'; readonly value: LiteralValue; readonly span: Span }
  /** Binds the matched value to a name. */
  | { readonly kind: 'PVar'; readonly name: Name; readonly span: Span }
  | { readonly kind: 'POr'; readonly alternatives: readonly Pattern[]; readonly span: Span };

// ---------------------------------------------------------------------------------------------
// Bindings and declarations
// ---------------------------------------------------------------------------------------------

/** A function or value parameter: `a`, `(a: int)`, `_`, `(_: int)` or `()`. */
export interface Param {
  readonly kind: 'Param';
  /** null for `_`; `()` has `unit: true` and no name. */
  readonly name: Name | null;
  readonly unit: boolean;
  readonly type: TypeExpr | null;
  readonly span: Span;
}

/** `let [mutable] name params [: ret] = body`, at top level or local. */
export interface Binding {
  readonly kind: 'Binding';
  readonly name: Name;
  readonly mutable: boolean;
  readonly params: readonly Param[];
  readonly returnType: TypeExpr | null;
  readonly body: Expr;
  readonly span: Span;
}

export interface Attribute {
  readonly name: Name;
  readonly span: Span;
}

export type Decl =
  | {
      readonly kind: 'LetDecl';
      readonly attributes: readonly Attribute[];
      readonly rec: boolean;
      /** More than one only with `let rec … and …`. */
      readonly bindings: readonly Binding[];
      readonly span: Span;
    }
  | { readonly kind: 'RecordDecl'; readonly name: Name; readonly fields: readonly FieldDecl[]; readonly span: Span }
  | { readonly kind: 'OpenDecl'; readonly path: readonly Name[]; readonly span: Span };

export interface FieldDecl {
  readonly name: Name;
  readonly mutable: boolean;
  readonly type: TypeExpr;
  readonly span: Span;
}

/** A whole source file: `module Name` then declarations. */
export interface ModuleAst {
  readonly kind: 'Module';
  readonly name: Name;
  readonly decls: readonly Decl[];
  readonly span: Span;
}

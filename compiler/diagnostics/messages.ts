/**
 * The one table of diagnostic messages. Every user-facing error or warning the compiler reports is
 * an entry here, so codes stay unique and wording stays consistent.
 *
 * Codes reuse the F# compiler's where the error is the same one; the project's own band is
 * FS3900–FS3999 (front end) and FS4000–FS4099 (lowering), numbers F# does not use.
 */

export type Severity = 'error' | 'warning';

export interface MessageEntry {
  readonly code: string;
  readonly severity: Severity;
  /** Template with `{0}`, `{1}`… placeholders. */
  readonly text: string;
}

/** All messages, by a stable identifier used in the code. */
export const messages = {
  // ---- lexing and layout -------------------------------------------------------------------
  tabsNotAllowed: { code: 'FS1161', severity: 'error', text: "TABs are not allowed in F# code unless the #indent \"off\" option is used" },
  unexpectedCharacter: { code: 'FS0010', severity: 'error', text: "Unexpected character '{0}' in the source" },
  unterminatedString: { code: 'FS3902', severity: 'error', text: 'This string literal is not terminated' },
  unterminatedComment: { code: 'FS0516', severity: 'error', text: 'End of file in comment begun at or before here' },
  badEscape: { code: 'FS3903', severity: 'error', text: "Unknown escape sequence '\\{0}' in a string literal" },
  badNumber: { code: 'FS1156', severity: 'error', text: "This is not a valid numeric literal: '{0}'" },
  literalOutOfRange: { code: 'FS1142', severity: 'error', text: "This number is outside the allowable range for this integer type: '{0}' does not fit in '{1}'" },
  offside: { code: 'FS0058', severity: 'warning', text: "Possible incorrect indentation: this token is offside of context started at position ({0}). Try indenting this token further or using standard formatting conventions." },
  // ---- parsing -----------------------------------------------------------------------------
  unexpectedToken: { code: 'FS0010', severity: 'error', text: 'Unexpected {0} in {1}' },
  incompleteConstruct: { code: 'FS0010', severity: 'error', text: 'Incomplete structured construct at or before this point in {0}' },
  unexpectedTokenExpecting: { code: 'FS0010', severity: 'error', text: 'Unexpected {0} in {1}. Expected {2}.' },
  missingModule: { code: 'FS0222', severity: 'error', text: "Files in libraries or multiple-file applications must begin with a namespace or module declaration, e.g. 'module WebSocketEcho'" },
  unmatchedBracket: { code: 'FS0583', severity: 'error', text: "Unmatched '{0}'" },
  unfinishedLet: { code: 'FS0588', severity: 'error', text: "The block following this 'let' is unfinished. Every code block is an expression and must have a result. 'let' cannot be the final code element in a block. Consider giving this block an explicit result." },
  unsupported: { code: 'FS3900', severity: 'error', text: '{0} is not supported by this compiler' },
  // ---- checking ----------------------------------------------------------------------------
  typeMismatch: { code: 'FS0001', severity: 'error', text: "This expression was expected to have type '{0}' but here has type '{1}'" },
  typeMismatchNoExpectation: { code: 'FS0001', severity: 'error', text: "The type '{0}' does not match the type '{1}'" },
  operatorTypeMismatch: { code: 'FS0001', severity: 'error', text: "The type '{0}' does not match the type '{1}' in this use of '{2}'" },
  operatorNotSupported: { code: 'FS0001', severity: 'error', text: "The type '{0}' does not support the operator '{1}'" },
  ifBranchMismatch: { code: 'FS0001', severity: 'error', text: "All branches of an 'if' expression must return values implicitly convertible to the type of the first branch, which here is '{0}'. This branch returns a value of type '{1}'." },
  ifWithoutElse: { code: 'FS0001', severity: 'error', text: "This 'if' expression is missing an 'else' branch. The 'then' branch has type '{0}'. Because 'if' is an expression, and not a statement, add an 'else' branch which also returns a value of type '{0}'." },
  matchArmMismatch: { code: 'FS0001', severity: 'error', text: "All branches of a pattern match expression must return values implicitly convertible to the type of the first branch, which here is '{0}'. This branch returns a value of type '{1}'." },
  undefinedName: { code: 'FS0039', severity: 'error', text: "The value or constructor '{0}' is not defined." },
  undefinedModuleMember: { code: 'FS0039', severity: 'error', text: "The value, constructor, namespace or type '{0}' is not defined." },
  undefinedType: { code: 'FS0039', severity: 'error', text: "The type '{0}' is not defined." },
  undefinedField: { code: 'FS0039', severity: 'error', text: "The record label '{0}' is not defined." },
  noSuchField: { code: 'FS0039', severity: 'error', text: "The type '{0}' does not define the field, constructor or member '{1}'." },
  notMutable: { code: 'FS0027', severity: 'error', text: "This value is not mutable. Consider using the mutable keyword, e.g. 'let mutable {0} = expression'." },
  missingField: { code: 'FS0764', severity: 'error', text: "No assignment given for field '{0}' of type '{1}'" },
  duplicateField: { code: 'FS0668', severity: 'error', text: "The field '{0}' appears twice in this record expression or pattern" },
  notAFunction: { code: 'FS0003', severity: 'error', text: 'This value is not a function and cannot be applied.' },
  lookupIndeterminate: { code: 'FS0072', severity: 'error', text: 'Lookup on object of indeterminate type based on information prior to this program point. A type annotation may be needed prior to this program point to constrain the type of the object.' },
  valueRestriction: { code: 'FS0030', severity: 'error', text: "Value restriction: the value '{0}' has been inferred to have generic type '{1}'" },
  wrongTypeArgCount: { code: 'FS0033', severity: 'error', text: "The type '{0}' expects {1} type argument(s) but is given {2}" },
  typeArgsNotAllowed: { code: 'FS0685', severity: 'error', text: "The generic function '{0}' must be given explicit type arguments" },
  unexpectedTypeArgs: { code: 'FS0686', severity: 'error', text: "The value '{0}' does not take explicit type arguments" },
  duplicateDefinition: { code: 'FS0037', severity: 'error', text: "Duplicate definition of value '{0}'" },
  duplicateType: { code: 'FS0037', severity: 'error', text: "Duplicate definition of type '{0}'" },
  recursiveWithoutRec: { code: 'FS0039', severity: 'error', text: "The value or constructor '{0}' is not defined. A function can refer to itself only when declared with 'let rec'." },
  entryPointNotLast: { code: 'FS0433', severity: 'error', text: "A function labeled with the 'EntryPointAttribute' attribute must be the last declaration in the last file in the compilation sequence." },
  entryPointSignature: { code: 'FS3904', severity: 'error', text: "The entry point must have type 'string[] -> int'; here it has type '{0}'" },
  capturedMutable: { code: 'FS0407', severity: 'error', text: "The mutable variable '{0}' is used in an invalid way. Mutable variables cannot be captured by closures. Consider eliminating this use of mutation or using a heap-allocated mutable reference cell via 'ref' and '!'." },
  noImplicitConversion: { code: 'FS0001', severity: 'error', text: "This expression was expected to have type '{0}' but here has type '{1}'. F# performs no implicit numeric conversion: use '{0} x'." },
  unknownAttribute: { code: 'FS3905', severity: 'warning', text: "The attribute '{0}' is not understood by this compiler and has no effect" },
  // ---- checking: additions by the type checker -------------------------------------------------
  conversionNotSupported: { code: 'FS0001', severity: 'error', text: "The type '{0}' does not support a conversion to the type '{1}'" },
  recursiveType: { code: 'FS0001', severity: 'error', text: "Type mismatch. Expecting a '{0}' but given a '{1}'. The resulting type would be infinite when unifying '{0}' and '{1}'" },
  fieldNotMutable: { code: 'FS0005', severity: 'error', text: "This field is not mutable" },
  notAssignable: { code: 'FS0027', severity: 'error', text: "This value is not mutable and cannot be assigned to" },
  notARecord: { code: 'FS0001', severity: 'error', text: "This expression was expected to have a record type but here has type '{0}'" },
  typeUndetermined: { code: 'FS3906', severity: 'error', text: "The type of this expression could not be determined (it is '{0}'). Add a type annotation or explicit type arguments, e.g. 'NativePtr.stackalloc<byte> n'" },
  entryPointParams: { code: 'FS3904', severity: 'error', text: "The entry point must take exactly one parameter ('argv' or '_'); here it takes {0}" },
  orPatternBindings: { code: 'FS0018', severity: 'error', text: "The two sides of this 'or' pattern bind different sets of variables" },
  // ---- warnings ------------------------------------------------------------------------------
  discardedValue: { code: 'FS0020', severity: 'warning', text: "The result of this expression has type '{0}' and is implicitly ignored. Consider using 'ignore' to discard this value explicitly, e.g. 'expr |> ignore', or 'let' to bind the result to a name, e.g. 'let result = expr'." },
  incompleteMatch: { code: 'FS0025', severity: 'warning', text: "Incomplete pattern matches on this expression. For example, the value '{0}' may indicate a case not covered by the pattern(s)." },
  ruleNeverMatched: { code: 'FS0026', severity: 'warning', text: 'This rule will never be matched' },
  unusedVariable: { code: 'FS1182', severity: 'warning', text: "The value '{0}' is unused" },
  // ---- lowering (Alex) -----------------------------------------------------------------------
  loweringUnsupported: { code: 'FS4000', severity: 'error', text: '{0} cannot be lowered to native code by this compiler' },
  // ---- driver -------------------------------------------------------------------------------
  noEntryPoint: { code: 'FS4090', severity: 'warning', text: "This program has no '[<EntryPoint>]' function; the emitted module has no 'main'" },
} as const satisfies Record<string, MessageEntry>;

export type MessageId = keyof typeof messages;

// Tokens, as the preprocessor hands them to the parser. Every token carries
// its source location, so every diagnostic can point at the token that
// caused it, and every instruction can be mapped back to its C line.

export interface SourceLoc {
  /** File name as the user or the #include named it. */
  file: string;
  /** 1-based line and column. */
  line: number;
  col: number;
  /** Offset of the first character in the file's text. */
  offset: number;
}

export type TokenKind =
  | 'ident'
  | 'keyword'
  | 'punct'
  | 'number' // integer constant (floating constants are refused with a diagnostic)
  | 'char' // character constant, value in `value`
  | 'string' // string literal, bytes in `bytes` (with the terminating NUL)
  | 'eof';

export interface IntegerType {
  /** C type of an integer or character constant, per C99 6.4.4.1. */
  name: 'int' | 'unsigned int' | 'long' | 'unsigned long' | 'long long' | 'unsigned long long';
}

export interface Token {
  kind: TokenKind;
  /** Spelling in the source ("0x10UL", "->", "\"hi\""). */
  text: string;
  loc: SourceLoc;
  /** Length of the spelling in the source, for caret ranges. */
  length: number;
  /** True when white space precedes the token (the preprocessor needs it for #/##). */
  hasSpace: boolean;
  /** True when the token is the first on its line. */
  atLineStart: boolean;
  /** number and char: the value. */
  value?: bigint;
  /** number and char: the constant's C type. */
  intType?: IntegerType['name'];
  /** string: the bytes, NUL included (UTF-8 for plain literals). */
  bytes?: Uint8Array;
  /** When the token came out of a macro expansion: where the macro was used. */
  expandedFrom?: SourceLoc;
}

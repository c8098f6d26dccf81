// oxc-parser exports its native binding and AST decoder as subpaths without typings of their own.
declare module 'oxc-parser/src-js/bindings' {
  import type { ParseResult, ParserOptions } from 'oxc-parser';
  export function parseSync(filename: string, sourceText: string, options?: ParserOptions): ParseResult;
}
declare module 'oxc-parser/src-js/wrap.js' {
  import type { Program } from 'oxc-parser';
  /** The AST from the binding's JSON, with BigInt and RegExp literal values restored. */
  export function jsonParseAst(programJson: string): Program;
}

/**
 * JS/TS imports: static imports, re-exports, dynamic imports with a literal argument, and `require('x')` /
 * `import x = require('x')`.
 *
 * Files that hold no JSX (.ts, .mts, .cts, .mjs, .cjs, and any other without `</` or `/>`) and call no `require(` go through
 * es-module-lexer, which reads import and export syntax, TypeScript's type-only forms included, without
 * building an AST: a tenth of a full parse's cost, and most of a TypeScript repository's files. Everything
 * else, and any file the lexer rejects, goes through oxc-parser's module record (the AST is walked only when
 * the text mentions `require(`). Both report UTF-16 offsets, like JS strings, so they index `text` directly.
 * On a parse error oxc keeps the module record but may drop the AST; a plain scan then adds the imports
 * that are plainly written, so a syntax error costs little.
 */
import { parse as lexModule } from 'es-module-lexer';
import { Visitor, type ParseResult } from 'oxc-parser';
// The native binding, not the package's wrapper: the wrapper turns the whole serialised AST into a JS
// string for every file, a third of the parse's cost, while the module record alone answers most files.
import { parseSync } from 'oxc-parser/src-js/bindings';
import { jsonParseAst } from 'oxc-parser/src-js/wrap.js';
import type { ImportFact, Reader } from '../facts.js';
import { lineAt, lineStarts, maskCode, type CodeSyntax } from './lexer.js';

const LITERAL = /^(['"`])([^'"`$\\\n]*)\1$/;

function langOf(path: string): 'js' | 'jsx' | 'ts' | 'tsx' | 'dts' {
  if (/\.d\.[mc]?ts$/.test(path)) return 'dts';
  if (/\.[mc]?ts$/.test(path)) return 'ts';
  if (path.endsWith('.tsx')) return 'tsx';
  // Plain .js often holds JSX (React projects); the jsx grammar is a superset, so use it for all JS.
  return 'jsx';
}

/**
 * oxc recurses on the native stack, and overflowing it kills the whole process (SIGSEGV; a worker thread's
 * smaller stack overflows near 3000 levels of brackets or chained `else if`). Text nested far deeper than
 * hand-written code goes to the plain scan instead. Brackets are counted naively (strings included): an
 * over-count only costs the AST walk, never a wrong import.
 */
function tooDeepForOxc(text: string): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const step = BRACKET_STEP[c];
      if (step !== 0) {
        depth += step;
        if (depth > 500) return true;
        if (depth < 0) depth = 0;
      }
    }
  }
  let elseIfs = 0;
  for (let i = text.indexOf('else if'); i !== -1; i = text.indexOf('else if', i + 7)) if (++elseIfs > 1000) return true;
  return false;
}

/** +1 for an opening bracket, -1 for a closing one: a table lookup costs half the comparisons (this reads every byte). */
const BRACKET_STEP = new Int8Array(128);
for (const c of '([{') BRACKET_STEP[c.charCodeAt(0)] = 1;
for (const c of ')]}') BRACKET_STEP[c.charCodeAt(0)] = -1;

/** The lexer compiles its WebAssembly on first use; where that cannot happen, oxc reads every file. */
const moduleLexerReady = (() => {
  try {
    lexModule('');
    return true;
  } catch {
    return false;
  }
})();

/** Extensions whose files cannot contain JSX (tools never treat them as JSX), so the lexer can read them. */
const NEVER_JSX = /\.(?:[mc]?ts|mjs|cjs)$/;

/** Every JSX element closes, with `</` or `/>`: a .js, .jsx or .tsx file with neither holds no JSX. */
function withoutJsx(path: string, text: string): boolean {
  return NEVER_JSX.test(path) || (!text.includes('</') && !text.includes('/>'));
}

export function extractJsImports(path: string, text: string): { imports: ImportFact[]; parseFailed: boolean } {
  if (moduleLexerReady && !text.includes('require(')) {
    // a JSX file's imports sit above its JSX: the lexer reads that head alone when nothing below imports
    const end = withoutJsx(path, text) ? text.length : importPreludeEnd(text);
    const lexed = end === -1 ? undefined : lexedImports(path, end === text.length ? text : text.slice(0, end));
    if (lexed) return { imports: lexed, parseFailed: false };
  }
  return parsedImports(path, text);
}

const SIDE_EFFECT_IMPORT = /^import\s*(['"])[^'"\n]*\1\s*;?\s*(?:\/\/.*)?$/;
const ENDS_WITH_FROM = /\bfrom\s*(['"])[^'"\n]*\1\s*;?\s*(?:\/\/.*)?$/;
const DIRECTIVE = /^(['"])use [a-z ]+\1;?\s*$/;
const IMPORT_START = /^import[\s{*]/;
/** A line inside a multi-line import clause: names, `type`, `as`, commas, braces and comments. */
const IMPORT_CLAUSE_LINE = /^[\w$\s,{}*]*(?:\/\/.*)?$/;
const EXPORT_FROM_START = /^export\s*(?:type\s*)?[*{]/;
/** Import syntax of any kind, in comments and JSX text too: an over-match only sends the file to oxc. */
const IMPORT_BELOW = /\bimport\s*[({*'"\w]|\bexport\s*(?:type\s*)?[*{]/;

/**
 * Where a JSX file's import prelude ends: its leading run of import and export-from statements, comments,
 * blank lines and directives, which the lexer reads safely (JSX text such as `Don't` would derail it).
 * -1 when import syntax may follow the prelude (a lazy `import()`, an import after a mock, a re-export at
 * the bottom), or the prelude does not close: the file then needs the parser.
 */
export function importPreludeEnd(text: string): number {
  let statementStart = -1;
  let inComment = false;
  let end = text.length;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const line = text.slice(start, next).trim();
    if (inComment) {
      const close = line.indexOf('*/');
      if (close !== -1) {
        if (line.slice(close + 2).trim()) return -1;
        inComment = false;
      }
    } else if (statementStart !== -1) {
      if (ENDS_WITH_FROM.test(line)) statementStart = -1;
      else if (line.includes('}') || !IMPORT_CLAUSE_LINE.test(line)) {
        // `export {\n a,\n}` without a source (a local export list), or not an import clause at all
        end = statementStart;
        break;
      }
    } else if (line === '' || line.startsWith('//') || DIRECTIVE.test(line)) {
      // nothing to read
    } else if (line.startsWith('/*')) {
      const close = line.indexOf('*/', 2);
      if (close === -1) inComment = true;
      else if (line.slice(close + 2).trim()) {
        end = start;
        break;
      }
    } else if (IMPORT_START.test(line) || EXPORT_FROM_START.test(line)) {
      if (SIDE_EFFECT_IMPORT.test(line) || ENDS_WITH_FROM.test(line)) {
        // a whole statement on one line
      } else if (line.includes('}')) {
        end = start; // `export { a, b };`: local names
        break;
      } else statementStart = start;
    } else {
      end = start;
      break;
    }
    start = next;
  }
  if (statementStart !== -1 || inComment) return -1;
  return IMPORT_BELOW.test(text.slice(end)) ? -1 : end;
}

/** Through es-module-lexer; undefined when it rejects the text (oxc then decides). */
function lexedImports(path: string, text: string): ImportFact[] | undefined {
  let imports;
  let exports;
  try {
    [imports, exports] = lexModule(text, path);
  } catch {
    return undefined;
  }
  const starts = lineStarts(text);
  const out: ImportFact[] = [];
  for (let index = 0; index < imports.length; index++) {
    const imp = imports[index];
    if (imp.type === 'import-meta') continue;
    if (imp.type === 'dynamic') {
      // `import(\`./locales/${x}\`)` names no one module
      if (imp.specifier === undefined || imp.glob) continue;
      out.push({ specifier: imp.specifier, line: lineAt(starts, imp.start), kind: imp.probablyTypeOnly ? 'type' : 'dynamic' });
      continue;
    }
    const reexport = text.startsWith('export', imp.importStart);
    let typeOnly = imp.typeOnly;
    if (!typeOnly && reexport) {
      // `export { type A, type B } from`: the lexer marks each name
      const names = exports.filter((e) => e.type !== 'direct' && e.importIndex === index);
      typeOnly = names.length > 0 && names.every((e) => e.typeOnly);
    } else if (!typeOnly) {
      typeOnly = everyNameTypeOnly(text.slice(imp.importStart + 'import'.length, imp.start - 1));
    }
    out.push({ specifier: imp.specifier, line: lineAt(starts, imp.start), kind: typeOnly ? 'type' : reexport ? 'reexport' : 'static' });
  }
  if (/\.d\.[mc]?ts$/.test(path)) for (const imp of out) imp.kind = 'type';
  out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return out;
}

/** `{ type A, type B } from` imports types only; `X, { type A } from` and `{ type A, b } from` do not. */
function everyNameTypeOnly(clause: string): boolean {
  const braces = /^\s*\{([^}]*)\}\s*from\s*$/.exec(clause);
  if (!braces) return false;
  const names = braces[1].split(',').map((n) => n.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => /^type\s+(?!as\s*$)/.test(n));
}

function parsedImports(path: string, text: string): { imports: ImportFact[]; parseFailed: boolean } {
  // parseFailed: oxc reported errors, so a plain scan filled in.
  const starts = lineStarts(text);
  const out: ImportFact[] = [];
  let result: ParseResult;
  let mod: ParseResult['module'];
  let errors: ParseResult['errors'];
  if (tooDeepForOxc(text)) return { imports: fallbackScan(text), parseFailed: true };
  try {
    result = parseSync(path, text, { lang: langOf(path), sourceType: 'unambiguous' });
    // each getter hands its value over and frees the native side; fields never read are freed after a GC
    mod = result.module;
    errors = result.errors;
  } catch {
    return { imports: fallbackScan(text), parseFailed: true };
  }
  for (const imp of mod.staticImports) {
    // `import { type A } from` and `import type A from` both mark every entry as a type; `import 'x'` has none.
    const typeOnly = imp.entries.length > 0 && imp.entries.every((e) => e.isType);
    out.push({ specifier: imp.moduleRequest.value, line: lineAt(starts, imp.moduleRequest.start), kind: typeOnly ? 'type' : 'static' });
  }
  const importedAt = new Set(mod.staticImports.map((imp) => imp.moduleRequest.start));
  for (const exp of mod.staticExports) {
    const withSource = exp.entries.filter((e) => e.moduleRequest);
    if (!withSource.length) continue;
    const req = withSource[0].moduleRequest!;
    // `import { x } from './x'; export { x }`: oxc links the export to the import's request, already counted
    if (importedAt.has(req.start)) continue;
    const typeOnly = withSource.every((e) => e.isType);
    out.push({ specifier: req.value, line: lineAt(starts, req.start), kind: typeOnly ? 'type' : 'reexport' });
  }
  for (const dyn of mod.dynamicImports) {
    const m = LITERAL.exec(text.slice(dyn.moduleRequest.start, dyn.moduleRequest.end));
    if (m && m[2]) out.push({ specifier: m[2], line: lineAt(starts, dyn.moduleRequest.start), kind: 'dynamic' });
  }
  const errored = errors.length > 0;
  if (text.includes('require(')) {
    let program: ParseResult['program'] | undefined;
    try {
      program = jsonParseAst(result.program as unknown as string);
    } catch {
      program = undefined;
    }
    if (program && program.body.length) {
      new Visitor({
        CallExpression(node) {
          const callee = node.callee;
          const arg = node.arguments[0];
          if (callee.type === 'Identifier' && callee.name === 'require' && node.arguments.length === 1 && arg.type === 'Literal' && typeof arg.value === 'string') {
            out.push({ specifier: arg.value, line: lineAt(starts, arg.start), kind: 'require' });
          }
        },
        TSExternalModuleReference(node) {
          out.push({ specifier: node.expression.value, line: lineAt(starts, node.expression.start), kind: 'require' });
        },
      }).visit(program);
    }
  }
  if (errored) {
    // oxc keeps the module record but drops the AST on a fatal error: add what a plain scan sees.
    const seen = new Set(out.map((i) => `${i.line}\u0000${i.specifier}`));
    for (const imp of fallbackScan(text)) if (!seen.has(`${imp.line}\u0000${imp.specifier}`)) out.push(imp);
  }
  // A declaration file only ever describes types, whatever its import statements look like.
  if (/\.d\.[mc]?ts$/.test(path)) for (const imp of out) imp.kind = 'type';
  out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { imports: out, parseFailed: errored };
}

const JS: CodeSyntax = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/' }], quotes: ['"', "'", '`'] };
// `from "x"` closes every import/export-from form; the other two are side-effect imports and calls.
const FALLBACK = /(\bfrom[ \t]*|^[ \t]*import[ \t]*|\b(?:require|import)[ \t]*\([ \t]*)"/gm;

/** For files oxc cannot parse (Flow, syntax errors): only what is plainly an import, read outside strings and comments. */
function fallbackScan(text: string): ImportFact[] {
  const { masked, literals } = maskCode(text, JS);
  const starts = lineStarts(text);
  const out: ImportFact[] = [];
  for (const m of masked.matchAll(FALLBACK)) {
    const quoteAt = m.index + m[0].length - 1;
    const spec = literals.get(quoteAt);
    if (!spec || spec.includes('${')) continue;
    const kind = m[1].startsWith('require') ? 'require' : m[1].startsWith('import') && m[1].includes('(') ? 'dynamic' : 'static';
    out.push({ specifier: spec, line: lineAt(starts, quoteAt), kind });
  }
  return out;
}

const SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/** Vue and Svelte single-file components: the <script> blocks, parsed as TS when lang="ts", lines kept. */
export function extractComponentImports(path: string, text: string): { imports: ImportFact[]; parseFailed: boolean } {
  const starts = lineStarts(text);
  const imports: ImportFact[] = [];
  let parseFailed = false;
  for (const m of text.matchAll(SCRIPT_BLOCK)) {
    const lang = /\blang\s*=\s*["']?(tsx?)/.exec(m[1])?.[1];
    const bodyAt = m.index + m[0].indexOf('>') + 1;
    const lineOffset = lineAt(starts, bodyAt) - 1;
    const found = extractJsImports(`${path}.${lang ?? 'js'}`, m[2]);
    parseFailed ||= found.parseFailed;
    for (const imp of found.imports) imports.push({ ...imp, line: (imp.line ?? 1) + lineOffset });
  }
  return { imports, parseFailed };
}

export const componentImportReader: Reader = {
  id: 'imports/vue-svelte',
  extensions: ['.vue', '.svelte'],
  read(path, text) {
    const { imports, parseFailed } = extractComponentImports(path, text);
    const facts: { imports?: ImportFact[]; warnings?: { file: string; message: string }[] } = {};
    if (imports.length) facts.imports = imports;
    if (parseFailed) facts.warnings = [{ file: path, message: 'script block parse errors; some imports read by a plain scan' }];
    return facts;
  },
};

export const jsImportReader: Reader = {
  id: 'imports/javascript',
  extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
  read(path, text) {
    const { imports, parseFailed } = extractJsImports(path, text);
    const facts: { imports?: ImportFact[]; warnings?: { file: string; message: string }[] } = {};
    if (imports.length) facts.imports = imports;
    if (parseFailed) facts.warnings = [{ file: path, message: 'JS/TS parse errors; some imports read by a plain scan' }];
    return facts;
  },
};

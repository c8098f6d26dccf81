/** Shared by the code readers: a capped, de-duplicated list of ApiFacts, and a few scanning helpers. */
import { beforePackageFolders, isMockFile } from '../../scan/classify.js';
import type { ApiFact, FileFacts } from '../facts.js';
import { lineAt, stringAt, type Lexed } from './lexer.js';

/** Generated clients and giant route tables should not flood the model. */
export const MAX_FACTS_PER_FILE = 200;

/** A route of the programmatic interface: under /api, a version segment, webhooks or GraphQL. */
const API_PATH = /(?:^|\s)\/?(?:api|v\d+|webhooks?|graphql)(?:\/|$|\s)/i;

export class ApiCollector {
  readonly facts: ApiFact[] = [];
  private readonly seen = new Set<string>();
  private truncated = false;

  constructor(private readonly path: string) {}

  add(style: ApiFact['style'], name: string, role: ApiFact['role'], line?: number, handler?: string): void {
    const clean = name.trim();
    if (!clean || clean.length > 300) return;
    // a route mounted at /graphql serves GraphQL, whatever router mounts it (Django path(), Rails post)
    if (style === 'REST' && role === 'serves' && /(?:^|[\s/])graphql\/?$/i.test(clean)) style = 'GraphQL';
    const key = `${style}\u0000${clean}\u0000${role ?? ''}\u0000${line ?? ''}`;
    if (this.seen.has(key)) return;
    // past the cap, keep reading a while: the routes worth keeping (the API, webhooks) often come last
    if (this.facts.length >= MAX_FACTS_PER_FILE * 5) {
      this.truncated = true;
      return;
    }
    this.seen.add(key);
    const fact: ApiFact = { style, name: clean };
    if (role) fact.role = role;
    if (line !== undefined) fact.line = line;
    if (handler) fact.handler = handler;
    this.facts.push(fact);
  }

  result(): Omit<FileFacts, 'path'> {
    const out: Omit<FileFacts, 'path'> = {};
    let facts = this.facts;
    if (facts.length > MAX_FACTS_PER_FILE) {
      // a routes file with hundreds of pages: the programmatic interface (/api, /v1, webhooks) first, then
      // the others in file order, up to the cap; what is kept stays in file order
      this.truncated = true;
      const first = new Set(facts.filter((f) => API_PATH.test(f.name)).slice(0, MAX_FACTS_PER_FILE));
      for (const f of facts) if (first.size < MAX_FACTS_PER_FILE) first.add(f);
      facts = facts.filter((f) => first.has(f));
    }
    if (facts.length) out.apis = facts;
    if (this.truncated) out.warnings = [{ file: this.path, message: `more than ${MAX_FACTS_PER_FILE} routes, services and queues; the API ones were kept first, the rest left out` }];
    return out;
  }
}

/** Joins route prefixes and paths with exactly one slash between them and a leading slash. */
export function joinPath(...parts: string[]): string {
  const joined = parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join('/')
    .replace(/\/{2,}/g, '/');
  const withSlash = joined.startsWith('/') ? joined : `/${joined}`;
  return withSlash.length > 1 ? withSlash.replace(/\/$/, '') || '/' : withSlash;
}

/** Offset just past the parenthesis/bracket/brace group opening at `open` (in lexed code), or -1. */
export function matchingClose(code: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const close = pairs[code[open]];
  if (!close) return -1;
  let depth = 0;
  for (let k = open; k < code.length; k++) {
    const c = code[k];
    if (c === code[open]) depth++;
    else if (c === close && --depth === 0) return k + 1;
  }
  return -1;
}

/** String literals inside code[from, to), in order. */
export function stringsIn(lexed: Lexed, from: number, to: number): { value: string; start: number }[] {
  const out: { value: string; start: number }[] = [];
  for (let k = from; k < to; k++) {
    const c = lexed.code[k];
    if (c === '"' || c === "'" || c === '`') {
      const v = lexed.strings.get(k);
      if (v !== undefined) {
        out.push({ value: v, start: k });
        // skip to the closing quote: the blanked body contains no quote characters
        const end = lexed.code.indexOf(c, k + 1);
        k = end < 0 ? to : end;
      }
    }
  }
  return out;
}

/** The string value of `key = "x"` / `key: "x"` / `key => 'x'` inside code[from, to). */
export function keywordString(lexed: Lexed, from: number, to: number, key: string): { value: string; start: number } | undefined {
  const re = new RegExp(`(?:^|[^\\w$])${key}\\s*(?:=>|[:=])\\s*`, 'g');
  re.lastIndex = from;
  const slice = lexed.code.slice(0, to);
  const m = re.exec(slice);
  return m ? stringAt(lexed, m.index + m[0].length) : undefined;
}

export function line(lexed: Lexed, offset: number): number {
  return lineAt(lexed, offset);
}

/** Runs a global regex over lexed code, handing each match and the string literal right after it. */
export function eachMatch(lexed: Lexed, re: RegExp, fn: (m: RegExpExecArray, arg: { value: string; start: number } | undefined) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lexed.code)) !== null) {
    fn(m, stringAt(lexed, m.index + m[0].length));
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * Tests, docs and examples register routes and tasks that are not the project's own surface
 * (a framework's test-suite declares hundreds of throwaway routes), so code readers skip them.
 * API definition files (OpenAPI, proto, GraphQL) often live under docs/, so those keep docs.
 */
export function isNonProductCode(path: string, options: { keepDocs?: boolean } = {}): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dirs = options.keepDocs
    ? /(^|\/)(?:tests?|__tests__|__mocks__|mocks?|spec|specs|e2e|testdata|test-data|testutils?|testhelpers?|fixtures?|examples?|samples?|benchmarks?)\//i
    : /(^|\/)(?:tests?|__tests__|__mocks__|mocks?|spec|specs|e2e|testdata|test-data|testutils?|testhelpers?|fixtures?|docs?|docs_src|examples?|samples?|benchmarks?)\//i;
  // below src/main/java the folders are a package name: org/springframework/samples/petclinic is product code
  return (
    dirs.test(beforePackageFolders(path)) ||
    isMockFile(path) ||
    /^(?:test_.*\.py|.*_test\.(?:py|go)|conftest\.py|.*\.(?:test|spec)\.[cm]?[jt]sx?|.*Tests?\.(?:java|kt|cs)|.*_spec\.rb|.*Test\.php)$/.test(base)
  );
}


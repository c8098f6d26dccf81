/** PHP: Laravel route files (Route::get, resource/apiResource, prefix groups) and Symfony #[Route] attributes. */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, eachMatch, joinPath, keywordString, line, matchingClose, stringsIn } from './collect.js';
import { lex, stringAt, type Lexed } from './lexer.js';

const API_RESOURCE: [string, string, string][] = [
  ['index', 'GET', ''],
  ['store', 'POST', ''],
  ['show', 'GET', '/{id}'],
  ['update', 'PUT', '/{id}'],
  ['destroy', 'DELETE', '/{id}'],
];
const WEB_ONLY: [string, string, string][] = [
  ['create', 'GET', '/create'],
  ['edit', 'GET', '/{id}/edit'],
];

interface Scope {
  start: number;
  end: number;
  prefix: string;
}

function laravel(lexed: Lexed, path: string, out: ApiCollector): void {
  const { code } = lexed;
  // Laravel mounts routes/api.php under /api by default; routes/web.php holds the pages and forms a browser gets
  // (and so do the files it is split into: koel's routes/web.base.php)
  // (not a web-api.php: pixelfed's JSON API for its own frontend)
  const style = /(^|\/)routes\/web(?:[.-](?![\w.-]*api\b)[\w.-]+)?\.php$/i.test(path) ? 'Web' : 'REST';
  const filePrefix = /(^|\/)routes\/api\.php$/.test(path) ? 'api' : '';
  const scopes: Scope[] = [];
  eachMatch(lexed, /Route::prefix\s*\(\s*/g, (m, a) => {
    if (!a) return;
    const group = /->\s*group\s*\(\s*(?:static\s+)?(?:function|fn)\b[^{]*\{/.exec(code.slice(m.index, m.index + 600));
    if (!group) return;
    const open = m.index + group.index + group[0].length - 1;
    scopes.push({ start: open, end: matchingClose(code, open), prefix: a.value });
  });
  const prefixAt = (at: number) => [filePrefix, ...scopes.filter((s) => s.start < at && at < s.end).sort((x, y) => x.start - y.start).map((s) => s.prefix)];
  eachMatch(lexed, /Route::(get|post|put|patch|delete|options|any|match)\s*\(\s*/g, (m, a) => {
    if (m[1] === 'match') {
      const open = code.lastIndexOf('(', m.index + m[0].length);
      const listOpen = code.indexOf('[', open);
      const listClose = listOpen < 0 ? -1 : matchingClose(code, listOpen);
      if (listClose < 0) return;
      const uri = stringAt(lexed, code.indexOf(',', listClose) + 1);
      if (!uri) return;
      for (const v of stringsIn(lexed, listOpen, listClose)) out.add(style, `${v.value.toUpperCase()} ${joinPath(...prefixAt(m.index), uri.value)}`, 'serves', line(lexed, m.index));
      return;
    }
    if (!a) return;
    const verb = m[1] === 'any' ? 'ALL' : m[1].toUpperCase();
    out.add(style, `${verb} ${joinPath(...prefixAt(m.index), a.value)}`, 'serves', line(lexed, m.index));
  });
  eachMatch(lexed, /Route::(resource|apiResource)\s*\(\s*/g, (m, a) => {
    if (!a || a.value.includes('.')) return; // nested "photos.comments" resources: skip rather than guess
    const actions = m[1] === 'resource' ? [...API_RESOURCE, ...WEB_ONLY] : API_RESOURCE;
    const rest = code.slice(m.index, m.index + 400).split(';')[0];
    // ->only(['index', 'show']) and ->only('index', 'show') alike: the strings inside the call's parentheses
    const onlyAt = /->\s*only\s*\(/.exec(rest);
    const exceptAt = /->\s*except\s*\(/.exec(rest);
    const listOf = (hit: RegExpExecArray | null) => {
      if (!hit) return undefined;
      const o = m.index + hit.index + hit[0].length - 1;
      return new Set(stringsIn(lexed, o, matchingClose(code, o)).map((s) => s.value));
    };
    const only = listOf(onlyAt);
    const except = listOf(exceptAt);
    for (const [action, verb, suffix] of actions) {
      if ((only && !only.has(action)) || except?.has(action)) continue;
      out.add(style, `${verb} ${joinPath(...prefixAt(m.index), a.value)}${suffix}`, 'serves', line(lexed, m.index));
    }
  });
}

function symfony(lexed: Lexed, out: ApiCollector): void {
  let prefix = '';
  eachMatch(lexed, /#\[\s*Route\s*\(/g, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    if (close < 0) return;
    const path = stringAt(lexed, open + 1) ?? keywordString(lexed, open, close, 'path');
    if (!path) return;
    const after = lexed.code.slice(close, close + 300).replace(/#\[[^\]]*\]/g, ' ');
    if (/^\s*\]\s*(?:(?:final|abstract|readonly)\s+)*class\b/.test(after)) {
      prefix = path.value;
      return;
    }
    const methods = /\bmethods\s*:\s*\[/.exec(lexed.code.slice(open, close));
    const verbs = methods ? stringsIn(lexed, open + methods.index, close).filter((s) => s.start > open + methods.index).map((s) => s.value.toUpperCase()) : ['ALL'];
    const style = rendersPages(lexed.code, close) ? 'Web' : 'REST';
    for (const verb of verbs) out.add(style, `${verb} ${joinPath(prefix, path.value)}`, 'serves', line(lexed, m.index));
  });
}

/**
 * A Symfony action that renders a template or redirects (the answer to a form) serves pages to a browser;
 * one that returns JSON, or anything else, is taken for an API.
 */
function rendersPages(code: string, attributeEnd: number): boolean {
  const fn = /\bfunction\b/.exec(code.slice(attributeEnd, attributeEnd + 2000));
  if (!fn) return false;
  const head = code.slice(attributeEnd, attributeEnd + fn.index);
  if (/#\[\s*Template\b/.test(head)) return true;
  const open = code.indexOf('{', attributeEnd + fn.index);
  const end = open < 0 ? -1 : matchingClose(code, open);
  if (end < 0) return false;
  const body = code.slice(open, end);
  if (/->\s*json\s*\(|\bJsonResponse\b|->\s*serialize\s*\(/.test(body)) return false;
  return /->\s*(?:render|renderView|renderForm|redirectToRoute|redirect)\s*\(/.test(body);
}

export const phpReader: Reader = {
  id: 'source/php',
  claims: (path) => !isNonProductCode(path),
  extensions: ['.php'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    const mayLaravel = text.includes('Route::');
    const maySymfony = text.includes('#[Route');
    if (!mayLaravel && !maySymfony) return {};
    const lexed = lex(text, 'php');
    if (mayLaravel) laravel(lexed, path, out);
    if (maySymfony) symfony(lexed, out);
    return out.result();
  },
};

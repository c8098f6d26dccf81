/**
 * Ruby: Rails config/routes.rb (resources, resource, verbs, namespace/scope nesting by indentation),
 * Sidekiq workers and ActiveJob queues.
 */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, joinPath } from './collect.js';
import { lex } from './lexer.js';

const RESOURCE_ACTIONS: [string, string, string][] = [
  ['index', 'GET', ''],
  ['create', 'POST', ''],
  ['new', 'GET', '/new'],
  ['show', 'GET', '/:id'],
  ['edit', 'GET', '/:id/edit'],
  ['update', 'PATCH', '/:id'],
  ['destroy', 'DELETE', '/:id'],
];

function symbols(list: string | undefined): Set<string> | undefined {
  if (list === undefined) return undefined;
  return new Set([...list.matchAll(/:?(\w+)/g)].map((m) => m[1]));
}

function singular(name: string): string {
  return name.replace(/ies$/, 'y').replace(/(ss|x|ch|sh)es$/, '$1').replace(/s$/, '');
}

interface Block {
  indent: number;
  prefix: string;
}

/** Rails routes, read line by line from code with comments and string bodies blanked. */
function railsRoutes(text: string, out: ApiCollector): void {
  const lexed = lex(text, 'ruby');
  const lines = lexed.code.split('\n');
  const raw = text.split('\n');
  const stack: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i];
    if (!code.trim()) continue;
    const indent = code.search(/\S/);
    // `end` (or a dedent) closes blocks opened at this indentation or deeper.
    while (stack.length && indent <= stack[stack.length - 1].indent && !/^\s*end\b/.test(code)) stack.pop();
    if (/^\s*end\b/.test(code)) {
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
      continue;
    }
    const prefix = stack.map((b) => b.prefix).filter(Boolean);
    const opensBlock = /\bdo\s*(\|[^|]*\|)?\s*$/.test(code);
    const source = raw[i] ?? '';
    let blockPrefix = '';
    const res = /^\s*(resources?)\s+:(\w+)(.*)$/.exec(source);
    const verb = /^\s*(get|post|put|patch|delete|match)\s*\(?\s*['"]([^'"]+)['"](.*)$/.exec(source);
    const ns = /^\s*namespace\s+:(\w+)/.exec(source);
    const scope = /^\s*scope\s*\(?\s*(?:path:\s*)?['"]([^'"]+)['"]/.exec(source);
    const lineNo = i + 1;
    if (res && code.includes(res[1])) {
      const plural = res[1] === 'resources';
      const name = res[2];
      const opts = res[3];
      const only = symbols(/only:\s*(\[[^\]]*\]|:\w+)/.exec(opts)?.[1]);
      const except = symbols(/except:\s*(\[[^\]]*\]|:\w+)/.exec(opts)?.[1]);
      const pathOpt = /path:\s*['"]([^'"]+)['"]/.exec(opts)?.[1];
      const base = joinPath(...prefix, pathOpt ?? name);
      for (const [action, method, suffix] of RESOURCE_ACTIONS) {
        if (!plural && action === 'index') continue;
        if (only && !only.has(action)) continue;
        if (except && except.has(action)) continue;
        const path = plural ? `${base}${suffix}` : `${base}${suffix.replace('/:id', '')}`;
        out.add('REST', `${method} ${path}`, 'serves', lineNo);
      }
      blockPrefix = plural ? `${pathOpt ?? name}/:${singular(name)}_id` : pathOpt ?? name;
    } else if (verb && /^\s*(get|post|put|patch|delete|match)\b/.test(code)) {
      const via = /via:\s*(\[[^\]]*\]|:\w+)/.exec(verb[3])?.[1];
      const methods = verb[1] === 'match' ? [...(symbols(via) ?? new Set(['all']))].map((v) => v.toUpperCase()) : [verb[1].toUpperCase()];
      const path = verb[2].split('#')[0];
      for (const method of methods) out.add('REST', `${method} ${joinPath(...prefix, path)}`, 'serves', lineNo);
    } else if (ns) blockPrefix = ns[1];
    else if (scope) blockPrefix = scope[1];
    if (opensBlock) stack.push({ indent, prefix: blockPrefix });
  }
}

function sidekiq(text: string, out: ApiCollector): void {
  const lexed = lex(text, 'ruby');
  const code = lexed.code;
  const lineOf = (offset: number) => code.slice(0, offset).split('\n').length;
  for (const m of code.matchAll(/\bclass\s+([\w:]+)[^\n]*\n(?:[^\n]*\n){0,5}?\s*include\s+Sidekiq::(?:Worker|Job)\b/g)) {
    const queue = /sidekiq_options[^\n]*queue:\s*['":]+(\w+)/.exec(text.slice(m.index, m.index + 2000));
    out.add('Queue', queue?.[1] ?? m[1], 'consumes', lineOf(m.index));
  }
  for (const m of code.matchAll(/\bqueue_as\s+:(\w+)/g)) out.add('Queue', m[1], 'consumes', lineOf(m.index));
  for (const m of code.matchAll(/\b([A-Z]\w*(?:Worker|Job))\.perform_(?:async|in|at|later)\b/g)) out.add('Queue', m[1], 'produces', lineOf(m.index));
}

export const rubyReader: Reader = {
  id: 'source/ruby',
  extensions: ['.rb'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    if (isNonProductCode(path)) return {};
    if (/(^|\/)config\/routes(\/[\w/]+)?\.rb$/.test(path) && text.includes('draw')) railsRoutes(text, out);
    else if (/(^|\/)config\/routes\//.test(path)) railsRoutes(text, out);
    if (text.includes('Sidekiq') || text.includes('queue_as') || text.includes('.perform_')) sidekiq(text, out);
    return out.result();
  },
};

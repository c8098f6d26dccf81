/**
 * Ruby: Rails config/routes.rb (resources, resource, verbs, namespace/scope nesting by indentation),
 * Sidekiq workers and ActiveJob queues.
 */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, joinPath } from './collect.js';
import { lex, lineAt } from './lexer.js';

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
  return new Set([...list.replace(/^%[iwIW]/, '').matchAll(/:?(\w+)/g)].map((m) => m[1]));
}

function pluralOf(name: string): string {
  return /s$/.test(name) ? name : /[^aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}

function singular(name: string): string {
  return name.replace(/ies$/, 'y').replace(/(ss|x|ch|sh)es$/, '$1').replace(/s$/, '');
}

interface Block {
  indent: number;
  /** Absolute path that routes declared inside this block start from; null when it cannot be resolved. */
  path: string | null;
  /** For resource blocks: where `member do` / `on: :member` and `collection do` / `on: :collection` routes go. */
  member?: string | null;
  collection?: string | null;
  /** The controllers' module (`namespace :admin` routes to Admin::…, app/views/admin/…), and a resource's own controller. */
  module?: string;
  controller?: string;
}

/** "admin/accounts#index" from a route's `to: "accounts#index"` or `=> "accounts#index"`, in the block's module. */
function target(options: string, module: string): string | undefined {
  const m = /(?:\bto:|=>)\s*['"]([\w/]+)#(\w+)['"]/.exec(options);
  return m ? `${joinPath(module, m[1]).replace(/^\//, '')}#${m[2]}` : undefined;
}

/** Rails routes, read line by line: comments are blanked by the lexer, blocks are tracked by indentation. */
function railsRoutes(text: string, out: ApiCollector): void {
  const lexed = lex(text, 'ruby');
  const lines = lexed.code.split('\n');
  const raw = text.split('\n');
  const stack: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i];
    if (!code.trim()) continue;
    const indent = code.search(/\S/);
    const isEnd = /^\s*end\b/.test(code);
    // `end`, or a line at the indentation of an open block, closes it.
    while (stack.length && (isEnd ? stack[stack.length - 1].indent >= indent : stack[stack.length - 1].indent >= indent)) stack.pop();
    if (isEnd) continue;
    const parent: Block = stack[stack.length - 1] ?? { indent: -1, path: '' };
    const opensBlock = /\bdo\s*(\|[^|]*\|)?\s*$/.test(code);
    const source = raw[i] ?? '';
    const lineNo = i + 1;
    const module = parent.module ?? '';
    let child: Block = { indent, path: parent.path, module, controller: parent.controller };
    const res = /^\s*(resources?)\s+:(\w+)(.*)$/.exec(source);
    const verb = /^\s*(get|post|put|patch|delete|match)\s*\(?\s*(?:['"]([^'"]+)['"]|:(\w+))(.*)$/.exec(source);
    const ns = /^\s*namespace\s+:(\w+)/.exec(source);
    const scope = /^\s*scope\s*\(?\s*(?:path:\s*)?(?:['"]([^'"]+)['"]|:(\w+))/.exec(source);
    const memberBlock = /^\s*(member|collection)\s+do\b/.exec(source);
    if (parent.path === null) {
      child = { indent, path: null }; // inside an unresolvable block: claim nothing
    } else if (res) {
      const plural = res[1] === 'resources';
      const name = res[2];
      const opts = res[3];
      // only: :show, only: [:show, :index], only: %i(show index) and the other percent-literal brackets
      const only = symbols(/only:\s*(\[[^\]]*\]|%[iwIW]\s*[([{<][^)\]}>]*[)\]}>]|:\w+)/.exec(opts)?.[1]);
      const except = symbols(/except:\s*(\[[^\]]*\]|%[iwIW]\s*[([{<][^)\]}>]*[)\]}>]|:\w+)/.exec(opts)?.[1]);
      const segment = /path:\s*['"]([^'"]+)['"]/.exec(opts)?.[1] ?? name;
      const param = /param:\s*:(\w+)/.exec(opts)?.[1] ?? 'id';
      // a singular `resource :profile` still routes to the plural ProfilesController
      const own = /\bmodule:\s*['":]+([\w/]+)/.exec(opts)?.[1] ?? '';
      const controller = joinPath(module, own, /controller:\s*['":]+([\w/]+)/.exec(opts)?.[1] ?? (plural ? name : pluralOf(name))).replace(/^\//, '');
      const base = joinPath(parent.path, segment);
      const member = plural ? `${base}/:${param}` : base;
      for (const [action, method, suffix] of RESOURCE_ACTIONS) {
        if (!plural && action === 'index') continue;
        if (only && !only.has(action)) continue;
        if (except && except.has(action)) continue;
        const path = suffix.startsWith('/:id') ? `${member}${suffix.slice(4)}` : `${base}${suffix}`;
        out.add('REST', `${method} ${path}`, 'serves', lineNo, `${controller}#${action}`);
      }
      const nested = plural ? `${base}/:${singular(name)}_${param}` : base;
      child = { indent, path: nested, member, collection: base, module, controller: controller };
    } else if (verb) {
      const via = /via:\s*(\[[^\]]*\]|:\w+)/.exec(verb[4])?.[1];
      const methods = verb[1] === 'match' ? [...(symbols(via) ?? new Set(['all']))].map((v) => v.toUpperCase()) : [verb[1].toUpperCase()];
      const on = /on:\s*:(member|collection)/.exec(verb[4])?.[1];
      const from = on === 'member' ? parent.member : on === 'collection' ? parent.collection : parent.path;
      if (from !== undefined && from !== null) {
        const path = joinPath(from, verb[2] ?? verb[3]);
        // `get :preview` inside a resource is that resource's controller's action
        const handler = target(verb[4], module) ?? (parent.controller && verb[3] ? `${parent.controller}#${verb[3]}` : undefined);
        for (const method of methods) out.add('REST', `${method} ${path}`, 'serves', lineNo, handler);
      }
    } else if (ns) child = { indent, path: joinPath(parent.path, ns[1]), module: joinPath(module, ns[1]).replace(/^\//, '') };
    else if (scope) {
      const into = /\bmodule:\s*['":]+([\w/]+)/.exec(source)?.[1];
      child = { indent, path: joinPath(parent.path, scope[1] ?? scope[2]), module: into ? joinPath(module, into).replace(/^\//, '') : module };
    }
    else if (memberBlock) {
      const path = memberBlock[1] === 'member' ? parent.member : parent.collection;
      // Outside a resource these blocks mean nothing we can resolve: routes inside are skipped.
      child = { indent, path: path ?? null, module, controller: parent.controller };
    }
    if (opensBlock) stack.push(child);
  }
}

function sidekiq(text: string, out: ApiCollector): void {
  const lexed = lex(text, 'ruby');
  const code = lexed.code;
  const lineOf = (offset: number) => lineAt(lexed, offset);
  for (const m of code.matchAll(/\bclass\s+([\w:]+)[^\n]*\n(?:[^\n]*\n){0,5}?\s*include\s+Sidekiq::(?:Worker|Job)\b/g)) {
    // a worker without sidekiq_options queue: takes its jobs from Sidekiq's "default" queue, not one named after it
    const queue = /sidekiq_options[^\n]*queue:\s*['":]+(\w+)/.exec(text.slice(m.index, m.index + 2000));
    out.add('Queue', queue?.[1] ?? 'default', 'consumes', lineOf(m.index));
  }
  for (const m of code.matchAll(/\bqueue_as\s+:(\w+)/g)) out.add('Queue', m[1], 'consumes', lineOf(m.index));
  // `SomeJob.perform_async` enqueues on whatever queue SomeJob declares, which this file does not say: the
  // class is no queue name, so a producer is named only by `.set(queue: :x)`
  for (const m of code.matchAll(/\bset\(\s*queue:\s*['":]+(\w+)[^)]*\)\.perform_(?:async|in|at|later)\b/g)) out.add('Queue', m[1], 'produces', lineOf(m.index));
}

export const rubyReader: Reader = {
  id: 'source/ruby',
  claims: (path) => !isNonProductCode(path),
  extensions: ['.rb'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    if (/(^|\/)config\/routes(\/[\w/]+)?\.rb$/.test(path) && text.includes('draw')) railsRoutes(text, out);
    else if (/(^|\/)config\/routes\//.test(path)) railsRoutes(text, out);
    if (text.includes('Sidekiq') || text.includes('queue_as') || text.includes('.perform_')) sidekiq(text, out);
    return out.result();
  },
};

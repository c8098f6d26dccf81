/**
 * JavaScript/TypeScript source: HTTP routes (Express, Koa, Fastify, Hono, NestJS), gRPC servers and
 * clients, queue producers/consumers (amqplib, kafkajs, BullMQ, SQS, NATS), WebSocket servers and CLI commands.
 * Each family is gated by a cheap `includes` on the raw text before any regex runs.
 */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, eachMatch, joinPath, keywordString, line, matchingClose, stringsIn } from './collect.js';
import { sdlRootFields } from './graphql.js';
import { lex, stringAt, type Lexed } from './lexer.js';

const HTTP_FRAMEWORKS = /['"](?:express|koa|@koa\/router|koa-router|fastify|hono|restify|polka|@hono\/[\w-]+|hyper-express|ultimate-express|h3)['"]/;
const ROUTER_RECEIVER = /^(?:app|router|server|fastify|route|routes|api|hono|r|v\d+|\w*[Rr]outer|\w*App|\w*Routes)$/;
/** Receivers that are HTTP clients, caches and maps far more often than servers. */
const CLIENT_RECEIVER = /^(?:axios|http|https|request|client|fetch|ky|got|superagent|supertest|agent|cache|map|store|redis|params|searchParams|headers|cookies|storage|localStorage|sessionStorage|res|req|ctx|c|url)$/i;
const VERB = 'get|post|put|patch|delete|del|options|head|all';

function httpRoutes(lexed: Lexed, text: string, out: ApiCollector): void {
  const frameworkImported = HTTP_FRAMEWORKS.test(text);
  const handlerShaped = /\(\s*req\s*,\s*res\b|\(\s*request\s*,\s*reply\b|\bctx\.(?:body|status)\b/.test(lexed.code);
  // Routers created and mounted in this same file: const api = express.Router(); app.use('/api', api)
  // (Hono: app.route('/api', api) with api = new Hono(); Koa: new Router({ prefix: '/api' })).
  const mounts = new Map<string, string>();
  eachMatch(lexed, /\b\w+\s*\.\s*(?:use|route)\s*\(\s*/g, (m, a) => {
    if (!a || !a.value.startsWith('/')) return;
    const target = /^\s*,\s*([A-Za-z_$][\w$]*)\s*\)/.exec(lexed.code.slice(lexed.code.indexOf(lexed.code[a.start], a.start + 1) + 1));
    if (target && new RegExp(`\\b${target[1]}\\s*=\\s*(?:new\\s+)?(?:express\\s*\\.\\s*)?(?:Router|Hono)\\s*[(<]`).test(lexed.code)) mounts.set(target[1], a.value);
  });
  eachMatch(lexed, /\b([A-Za-z_$][\w$]*)\s*=\s*new\s+(?:Koa)?Router\s*\(\s*\{/g, (m) => {
    const open = m.index + m[0].length - 1;
    const prefix = keywordString(lexed, open, matchingClose(lexed.code, open), 'prefix');
    if (prefix?.value.startsWith('/')) mounts.set(m[1], prefix.value);
  });
  const re = new RegExp(`([A-Za-z_$][\\w$]*)\\s*\\.\\s*(${VERB})\\s*\\(\\s*(?=['"\`])`, 'g');
  eachMatch(lexed, re, (m, arg) => {
    const receiver = m[1];
    if (!arg || !arg.value.startsWith('/') || CLIENT_RECEIVER.test(receiver)) return;
    const trusted = receiver === 'router' || receiver === 'fastify' || /Router$/.test(receiver);
    if (!(ROUTER_RECEIVER.test(receiver) && (frameworkImported || handlerShaped || trusted))) return;
    // A route registration always has a handler after the path.
    const after = lexed.code.indexOf(lexed.code[arg.start], arg.start + 1);
    if (!/^\s*,/.test(lexed.code.slice(after + 1, after + 40))) return;
    const verb = m[2] === 'del' ? 'DELETE' : m[2].toUpperCase();
    out.add('REST', `${verb} ${mounts.has(receiver) ? joinPath(mounts.get(receiver) as string, arg.value) : arg.value}`, 'serves', line(lexed, m.index));
  });
  // app.route('/book').get(h).post(h)
  if (frameworkImported || handlerShaped) {
    eachMatch(lexed, /([A-Za-z_$][\w$]*)\s*\.\s*route\s*\(\s*(?=['"`])/g, (m, arg) => {
      if (!arg || !arg.value.startsWith('/') || !ROUTER_RECEIVER.test(m[1])) return;
      const callOpen = lexed.code.lastIndexOf('(', arg.start);
      let k = matchingClose(lexed.code, callOpen);
      const chain = new RegExp(`^\\s*\\.\\s*(${VERB})\\s*\\(`);
      while (k > 0) {
        const c = chain.exec(lexed.code.slice(k, k + 200));
        if (!c) break;
        out.add('REST', `${c[1] === 'del' ? 'DELETE' : c[1].toUpperCase()} ${arg.value}`, 'serves', line(lexed, k + c.index + c[0].indexOf('.')));
        k = matchingClose(lexed.code, k + c[0].length - 1);
      }
    });
  }
  // fastify.route({ method: 'GET', url: '/x', handler })
  if (text.includes('fastify') && text.includes('url')) {
    eachMatch(lexed, /\b\w+\s*\.\s*route\s*\(\s*\{/g, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchingClose(lexed.code, open);
      if (close < 0) return;
      const url = keywordString(lexed, open, close, 'url');
      const method = keywordString(lexed, open, close, 'method');
      if (url && method && url.value.startsWith('/')) out.add('REST', `${method.value.toUpperCase()} ${url.value}`, 'serves', line(lexed, m.index));
    });
  }
}

const NEST_VERB: Record<string, string> = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Options: 'OPTIONS', Head: 'HEAD', All: 'ALL' };

function nestRoutes(lexed: Lexed, out: ApiCollector): void {
  let prefix: string | undefined;
  const re = /@(Controller|Get|Post|Put|Patch|Delete|Options|Head|All)\s*\(/g;
  eachMatch(lexed, re, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    if (close < 0) return;
    const first = stringAt(lexed, open + 1);
    const path = first?.value ?? keywordString(lexed, open, close, 'path')?.value ?? '';
    if (m[1] === 'Controller') {
      prefix = path;
      return;
    }
    if (prefix === undefined) return; // a @Get outside a controller is some other decorator
    out.add('REST', `${NEST_VERB[m[1]]} ${joinPath(prefix, path)}`, 'serves', line(lexed, m.index));
  });
}

function grpc(lexed: Lexed, text: string, out: ApiCollector): void {
  eachMatch(lexed, /\.addService\s*\(\s*(?:[\w$]+\.)*([A-Z][\w$]*)\.service\b/g, (m) => out.add('gRPC', m[1], 'serves', line(lexed, m.index)));
  // new pkg.Greeter('host:port', grpc.credentials.createInsecure())
  eachMatch(lexed, /\bnew\s+(?:[\w$]+\.)+([A-Z][\w$]*)\s*\(/g, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    if (close > 0 && /\bcredentials\s*\./.test(lexed.code.slice(open, close))) out.add('gRPC', m[1], 'calls', line(lexed, m.index));
  });
  if (text.includes('@connectrpc') || text.includes('@bufbuild/connect')) {
    eachMatch(lexed, /\bcreate(?:Promise)?Client\s*\(\s*([A-Z][\w$]*)\s*,/g, (m) => out.add('gRPC', m[1], 'calls', line(lexed, m.index)));
    eachMatch(lexed, /\.service\s*\(\s*([A-Z][\w$]*)\s*,/g, (m) => out.add('gRPC', m[1], 'serves', line(lexed, m.index)));
  }
}

function queues(lexed: Lexed, text: string, out: ApiCollector): void {
  if (text.includes('amqp')) {
    eachMatch(lexed, /\.sendToQueue\s*\(\s*/g, (m, a) => a && out.add('Queue', a.value, 'produces', line(lexed, m.index)));
    eachMatch(lexed, /\.consume\s*\(\s*/g, (m, a) => a && out.add('Queue', a.value, 'consumes', line(lexed, m.index)));
  }
  if (text.includes('kafka')) {
    // producer.send({ topic: 'orders', messages }) / consumer.subscribe({ topic: 'orders' } | { topics: [...] })
    eachMatch(lexed, /\.(send|sendBatch|subscribe)\s*\(\s*\{/g, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchingClose(lexed.code, open);
      if (close < 0) return;
      const role = m[1] === 'subscribe' ? 'consumes' : 'produces';
      const topic = keywordString(lexed, open, close, 'topic');
      if (topic) out.add('Queue', topic.value, role, line(lexed, topic.start));
      const topics = /\btopics\s*:\s*\[/.exec(lexed.code.slice(open, close));
      if (topics && role === 'consumes') {
        const listOpen = open + topics.index + topics[0].length - 1;
        for (const s of stringsIn(lexed, listOpen, matchingClose(lexed.code, listOpen))) out.add('Queue', s.value, role, line(lexed, s.start));
      }
    });
  }
  if (text.includes('bullmq') || text.includes("'bull'") || text.includes('"bull"')) {
    eachMatch(lexed, /\bnew\s+Queue\s*\(\s*/g, (m, a) => a && out.add('Queue', a.value, 'produces', line(lexed, m.index)));
    eachMatch(lexed, /\bnew\s+Worker\s*\(\s*/g, (m, a) => a && out.add('Queue', a.value, 'consumes', line(lexed, m.index)));
  }
  if (text.includes('SendMessage') || text.includes('ReceiveMessage') || text.includes('sendMessage')) {
    // SQS: the queue is usually an environment variable holding its URL.
    eachMatch(lexed, /\b(SendMessage(?:Batch)?Command|ReceiveMessageCommand|sendMessage|receiveMessage)\s*\(\s*\{/g, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchingClose(lexed.code, open);
      if (close < 0) return;
      const body = lexed.code.slice(open, close);
      const env = /\bQueueUrl\s*:\s*process\.env\.([A-Z_][A-Z0-9_]*)/.exec(body);
      const literal = keywordString(lexed, open, close, 'QueueUrl');
      const name = env?.[1] ?? literal?.value.replace(/^.*\//, '');
      if (name) out.add('Queue', name, /^[Rr]eceive/.test(m[1]) ? 'consumes' : 'produces', line(lexed, m.index));
    });
  }
  if (text.includes('nats')) {
    eachMatch(lexed, /\b(?:nc|nats|conn|connection)\s*\.\s*(publish|subscribe|request)\s*\(\s*/g, (m, a) => {
      if (a) out.add('Queue', a.value, m[1] === 'subscribe' ? 'consumes' : 'produces', line(lexed, m.index));
    });
  }
}

function websockets(lexed: Lexed, text: string, out: ApiCollector): void {
  if (text.includes('WebSocketServer') || text.includes('WebSocket.Server')) {
    eachMatch(lexed, /\bnew\s+(?:WebSocketServer|WebSocket\.Server)\s*\(/g, (m) => {
      const open = m.index + m[0].length - 1;
      const path = keywordString(lexed, open, matchingClose(lexed.code, open), 'path');
      out.add('WebSocket', path?.value ?? 'ws', 'serves', line(lexed, m.index));
    });
  }
  if (text.includes('socket.io')) {
    eachMatch(lexed, /\b(?:io|server|socketServer)\s*\.\s*on\s*\(\s*/g, (m, a) => {
      if (a?.value === 'connection') out.add('WebSocket', 'socket.io', 'serves', line(lexed, m.index));
    });
  }
}

function cliCommands(lexed: Lexed, text: string, out: ApiCollector): void {
  if (!/['"](?:commander|yargs|cac|sade)(?:\/[\w-]+)?['"]/.test(text)) return;
  eachMatch(lexed, /\.\s*command\s*\(\s*/g, (m, a) => {
    const name = a?.value.trim().split(/\s+/)[0];
    if (name && /^[a-z][\w:-]*$/i.test(name) && name !== '*' && name !== '$0') out.add('CLI', name, 'defines', line(lexed, m.index));
  });
}

/** Schema-first GraphQL servers keep their SDL in gql`...` / graphql`...` templates (Apollo, Yoga, Mercurius). */
function embeddedSdl(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /\b(?:gql|graphql)\s*(?=`)/g, (m) => {
    const start = m.index + m[0].length;
    const sdl = lexed.strings.get(start);
    if (sdl === undefined || !/\b(?:type|extend\s+type)\s+(?:Query|Mutation|Subscription)\b|\bschema\s*\{/.test(sdl)) return;
    for (const f of sdlRootFields(sdl)) out.add('GraphQL', f.name, 'defines', line(lexed, start + 1 + f.offset));
  });
}

const HTTP_EXPORT = /\bexport\s+(?:async\s+)?(?:function\s+|const\s+|let\s+)(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g;

/** URL path from file-system routing segments: route groups "(shop)" and parallel slots "@modal" are not in the URL. */
function segmentsToPath(segments: string): string {
  const parts = segments.split('/').filter((p) => p && !/^\(.*\)$/.test(p) && !p.startsWith('@'));
  return joinPath(...parts);
}

/** Next.js route handlers and API routes, SvelteKit +server endpoints: the path comes from the file's place. */
function fileRoutes(path: string, lexed: Lexed, out: ApiCollector): void {
  const appRoute = /(?:^|\/)app\/((?:[^/]+\/)*)route\.[cm]?[jt]sx?$/.exec(path);
  const svelte = /(?:^|\/)src\/routes\/((?:[^/]+\/)*)\+server\.[jt]s$/.exec(path);
  const pagesApi = /(?:^|\/)pages\/(api(?:\/.+?)?)\.[cm]?[jt]sx?$/.exec(path);
  if (appRoute || svelte) {
    const url = segmentsToPath((appRoute ?? svelte)![1]);
    eachMatch(lexed, HTTP_EXPORT, (m) => out.add('REST', `${m[1]} ${url}`, 'serves', line(lexed, m.index)));
  } else if (pagesApi && /\bexport\s+default\b/.test(lexed.code)) {
    const at = lexed.code.search(/\bexport\s+default\b/);
    out.add('REST', segmentsToPath(pagesApi[1].replace(/\/index$/, '')), 'serves', line(lexed, at));
  }
}

const WORKER_HANDLER = /^(?:fetch|scheduled|queue|email|tail)$/;

/**
 * A module Worker's event handlers: the methods of the object it exports by default (`export default { async
 * fetch(request, env) {...} }`, `{ fetch: app.fetch, scheduled }`) or of the class it exports by default (a
 * WorkerEntrypoint). Only the top level of that body counts: a `fetch(` call inside a handler is no handler.
 */
function workerHandlers(lexed: Lexed): { name: string; line: number }[] {
  // an app whose `fetch` answers a Worker's requests: a Hono app, or cloudflare:node's adapter for a Node server
  const app = /\bexport\s+default\s+(?:([A-Za-z_$][\w$]*)[ \t]*(?:;|$)|httpServerHandler\s*\()/m.exec(lexed.code);
  if (app && (!app[1] || new RegExp(`\\b${app[1].replace(/\$/g, '\\$')}\\s*=\\s*new\\s+(?:OpenAPI)?Hono\\b`).test(lexed.code))) return [{ name: 'fetch', line: line(lexed, app.index) }];
  const at = /\bexport\s+default\s+(?:\{|class\b[^{;]*\{)/.exec(lexed.code);
  if (!at) return [];
  const open = at.index + at[0].length - 1;
  const close = matchingClose(lexed.code, open);
  if (close < 0) return [];
  const out: { name: string; line: number }[] = [];
  const re = /[{}()[\]]|\b(?:async\s+)?([A-Za-z_$][\w$]*)\s*(?=[(:,}])/g;
  re.lastIndex = open + 1;
  let depth = 0;
  for (let m = re.exec(lexed.code); m && m.index < close - 1; m = re.exec(lexed.code)) {
    if (!m[1]) depth += '{(['.includes(m[0]) ? 1 : -1;
    else if (depth === 0 && WORKER_HANDLER.test(m[1]) && !out.some((h) => h.name === m![1])) out.push({ name: m[1], line: line(lexed, m.index) });
  }
  return out;
}

const QUEUE_WORDS = ['amqp', 'kafka', 'bull', 'SendMessage', 'ReceiveMessage', 'sendMessage', 'nats'];
/**
 * Every word the checks in read() look for, in one alternation: V8 scans for an alternation's first
 * characters at once, three times faster than the dozen separate searches (and 2% of files match at all).
 */
const ANY_SIGNAL = new RegExp(
  [
    /\.(?:get|post|put|patch|delete|del|all|route)\s*\(\s*['"`]/.source,
    '@Controller',
    'grpc|connectrpc|bufbuild',
    QUEUE_WORDS.join('|'),
    'WebSocket|socket\\.io',
    '\\.command \\(|\\.command\\(',
    'gql`|graphql`',
  ].join('|'),
);

export const javascriptReader: Reader = {
  id: 'source/javascript',
  claims: (path) => !isNonProductCode(path),
  extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    // Declarations and generated protobuf/gRPC stubs say nothing about what this code serves or calls.
    if (/\.d\.[mc]?ts$|_grpc_pb\.[jt]s$|_pb\.[jt]s$|\.pb\.ts$|_connect\.[jt]s$/.test(path)) return {};
    // a module Worker's handlers are read whatever else the file holds
    const workerLexed = /\bexport\s+default\b/.test(text) && /\b(?:fetch|scheduled|queue|email|tail|Hono|httpServerHandler)\b/.test(text) ? lex(text, 'js') : undefined;
    const handlers = workerLexed ? workerHandlers(workerLexed) : [];
    const worker = handlers.length ? { workerHandlers: handlers } : {};
    const mayFileRoute = /(?:^|\/)(?:route\.[cm]?[jt]sx?|\+server\.[jt]s)$|(?:^|\/)pages\/api\//.test(path);
    // one pass over the text rules out nearly every file; the checks below then say which readings to do
    if (!mayFileRoute && !ANY_SIGNAL.test(text)) return worker;
    // a route's first argument is a path literal; `map.get(key)` in every other file is not worth a lex
    const mayRoute = /\.(?:get|post|put|patch|delete|del|all|route)\s*\(\s*['"`]/.test(text);
    const mayNest = text.includes('@Controller');
    const mayGrpc = text.includes('grpc') || text.includes('connectrpc') || text.includes('bufbuild');
    const mayQueue = QUEUE_WORDS.some((word) => text.includes(word));
    const mayWs = text.includes('WebSocket') || text.includes('socket.io');
    const mayCli = text.includes('.command(') || text.includes('.command (');
    const maySdl = (text.includes('gql`') || text.includes('graphql`')) && /type\s+(?:Query|Mutation|Subscription)\b/.test(text);
    if (!(mayRoute || mayNest || mayGrpc || mayQueue || mayWs || mayCli || mayFileRoute || maySdl)) return worker;
    const lexed = workerLexed ?? lex(text, 'js');
    if (mayFileRoute) fileRoutes(path, lexed, out);
    if (maySdl) embeddedSdl(lexed, out);
    if (mayRoute) httpRoutes(lexed, text, out);
    if (mayNest) nestRoutes(lexed, out);
    if (mayGrpc) grpc(lexed, text, out);
    if (mayQueue) queues(lexed, text, out);
    if (mayWs) websockets(lexed, text, out);
    if (mayCli) cliCommands(lexed, text, out);
    return { ...out.result(), ...worker };
  },
};

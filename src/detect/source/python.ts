/**
 * Python source: Flask/FastAPI/Starlette-style decorator routes (with APIRouter/Blueprint prefixes),
 * Django urls.py, gRPC servicers and stubs, Celery tasks, pika/Kafka queues, websockets and click/typer CLIs.
 */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, eachMatch, joinPath, keywordString, line, matchingClose, stringsIn } from './collect.js';
import { lex, stringAt, type Lexed } from './lexer.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head']);

/** `router = APIRouter(prefix="/orders")`, `bp = Blueprint("x", __name__, url_prefix="/x")`. */
function routerPrefixes(lexed: Lexed): Map<string, string> {
  const prefixes = new Map<string, string>();
  eachMatch(lexed, /\b(\w+)\s*=\s*(?:\w+\.)?(APIRouter|Blueprint|Router)\s*\(/g, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    if (close < 0) return;
    const prefix = keywordString(lexed, open, close, m[2] === 'Blueprint' ? 'url_prefix' : 'prefix');
    if (prefix) prefixes.set(m[1], prefix.value);
  });
  return prefixes;
}

function decoratorRoutes(lexed: Lexed, out: ApiCollector): void {
  const prefixes = routerPrefixes(lexed);
  eachMatch(lexed, /^[ \t]*@(\w+)\.(route|get|post|put|patch|delete|options|head|websocket|api_route)\s*\(/gm, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    const path = stringAt(lexed, open + 1) ?? keywordString(lexed, open, close, 'path');
    if (!path || !path.value.startsWith('/') || close < 0) return;
    const full = joinPath(prefixes.get(m[1]) ?? '', path.value);
    const at = line(lexed, m.index + m[0].indexOf('@'));
    if (m[2] === 'websocket') return out.add('WebSocket', full, 'serves', at);
    const style = rendersTemplate(lexed.code, close) ? 'Web' : 'REST';
    if (VERBS.has(m[2])) return out.add(style, `${m[2].toUpperCase()} ${full}`, 'serves', at);
    // route / api_route: methods=[...] or GET by default (Flask and Starlette both default to GET)
    const methods = /\bmethods\s*=\s*[[(]/.exec(lexed.code.slice(open, close));
    const list = methods ? stringsIn(lexed, open + methods.index, close).map((s) => s.value.toUpperCase()) : ['GET'];
    for (const verb of list) if (VERBS.has(verb.toLowerCase())) out.add(style, `${verb} ${full}`, 'serves', at);
  });
}

/** A view whose body renders a template (Flask's render_template, Starlette's TemplateResponse) answers with a page. */
function rendersTemplate(code: string, decoratorEnd: number): boolean {
  const def = /\n([ \t]*)(?:async[ \t]+)?def[ \t]/.exec(code.slice(decoratorEnd, decoratorEnd + 2000));
  if (!def) return false;
  const start = decoratorEnd + def.index + def[0].length;
  // the body runs to the next line indented no deeper than the def
  const next = new RegExp(`\\n${def[1]}(?=\\S)`, 'g');
  next.lastIndex = start;
  const end = next.exec(code)?.index ?? code.length;
  const body = code.slice(start, Math.min(end, start + 8000));
  // Flask's own render_template (bare or flask.), not a method of the app's own that happens to share the name
  // (mealie's self.service.render_template writes an export file)
  return /(?:(?<![\w.])|(?<=\bflask\.))render_template(?:_string)?\s*\(|\bTemplateResponse\s*\(/.test(body) && !/\bjsonify\s*\(|JSONResponse\s*\(|FileResponse\s*\(/.test(body);
}

/** app.add_url_rule('/x', ...) (Flask) and app.add_api_route('/x', ...) (FastAPI): GET unless methods= says. */
function imperativeRoutes(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /\b(\w+)\.(add_url_rule|add_api_route)\s*\(\s*/g, (m, a) => {
    if (!a || !a.value.startsWith('/')) return;
    const open = lexed.code.lastIndexOf('(', a.start);
    const close = matchingClose(lexed.code, open);
    if (close < 0) return;
    const methods = /\bmethods\s*=\s*[[(]/.exec(lexed.code.slice(open, close));
    const list = methods ? stringsIn(lexed, open + methods.index, close).map((s) => s.value.toUpperCase()) : ['GET'];
    for (const verb of list) if (VERBS.has(verb.toLowerCase())) out.add('REST', `${verb} ${a.value}`, 'serves', line(lexed, m.index));
  });
}

/** aiohttp: app.router.add_get('/x', h), add_route('POST', '/x', h), and web.get('/x', h) in app.add_routes([...]). */
function aiohttpRoutes(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /\.add_(get|post|put|patch|delete|head)\s*\(\s*|\bweb\.(get|post|put|patch|delete|head)\s*\(\s*/g, (m, a) => {
    if (a && a.value.startsWith('/')) out.add('REST', `${(m[1] ?? m[2]).toUpperCase()} ${a.value}`, 'serves', line(lexed, m.index));
  });
  eachMatch(lexed, /\.add_route\s*\(\s*/g, (m, a) => {
    if (!a) return;
    const path = stringAt(lexed, lexed.code.indexOf(',', a.start) + 1);
    if (path?.value.startsWith('/') && (VERBS.has(a.value.toLowerCase()) || a.value === '*')) out.add('REST', `${a.value === '*' ? 'ALL' : a.value.toUpperCase()} ${path.value}`, 'serves', line(lexed, m.index));
  });
}

const DJANGO_PAGE_VIEW = /\b(?:Template|List|Detail|Form|Create|Update|Delete|Redirect|Login|Logout|Password\w*|\w*Archive|Serve)View\b|\bsitemap\b|\bserve\b|\bflatpage\b|\bfavicon\b/;

function djangoUrls(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /(?:^|[\s,[(])(path|re_path|url)\s*\(\s*/gm, (m, a) => {
    if (!a) return;
    let route = a.value;
    if (m[1] !== 'path') route = route.replace(/^\^/, '').replace(/\$$/, '');
    // Django routes carry no method; `include()` lines are prefixes, not endpoints.
    const rest = lexed.code.slice(m.index, matchingClose(lexed.code, m.index + m[0].lastIndexOf('(')));
    if (/\binclude\s*\(|\.urls\b/.test(rest)) return;
    // Trailing slashes are significant in Django, so the route is kept as written. Django's own page views
    // (TemplateView, ListView, LoginView, sitemaps, static serving) render HTML: web pages, not a REST API
    const api = /\bapi\b/i.test(route) || DJANGO_API_BASE.test(rest);
    const page = !api && DJANGO_PAGE_VIEW.test(rest);
    // a view of the project's own (views.index) is a page or an API by its body, which the model reads from
    // the file that defines it; a route under /api or to an API view stays REST whatever it renders
    const view = page || api ? undefined : /^\s*[rbuRBU]*(['"])[^'"\n]*\1\s*,\s*([A-Za-z_][\w.]*)/.exec(lexed.code.slice(a.start))?.[2];
    const handler = view?.replace(/\.as_view$/, '').split('.').pop();
    out.add(page ? 'Web' : 'REST', route.startsWith('/') ? route : `/${route}`, 'serves', line(lexed, m.index + m[0].indexOf(m[1])), handler);
  });
}

/** Django REST framework's and the API libraries' views, which answer with data whatever template they name. */
const DJANGO_API_BASE = /API|Api\b|ViewSet|GraphQL/;

/**
 * Django views defined at the top of a module, by what they answer with: a page (a function that renders a
 * template, a class on a generic page view or naming a template_name), data (JsonResponse, a REST framework
 * Response or @api_view, an API view class), or a form (it reads request.POST or a Form, or redirects: still
 * the site's HTML flow). A view that answers a bare response (a ping endpoint's "OK") is none of them.
 * urls.py names them; the model joins the two.
 */
function djangoViews(path: string, lexed: Lexed): NonNullable<FileFacts['views']> {
  const views: NonNullable<FileFacts['views']> = [];
  const apiModule = /(?:^|\/)api(?:\/|$)/.test(path);
  const code = lexed.code;
  const top = /^(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\([ \t]*(\w*)|^class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:/gm;
  let m: RegExpExecArray | null;
  while ((m = top.exec(code)) !== null && views.length < 500) {
    const start = m.index + m[0].length;
    const next = /\n(?=[^\s#@])/g;
    next.lastIndex = start;
    const end = next.exec(code)?.index ?? code.length;
    const body = code.slice(start, Math.min(end, start + 20000));
    const at = line(lexed, m.index);
    if (m[1]) {
      // a view takes the request first; anything else at the top of views.py is a helper
      if (m[2] !== 'request') continue;
      const decorators = code.slice(Math.max(0, m.index - 400), m.index).split('\n').reverse().slice(1).filter((l) => l.startsWith('@')).join('\n');
      const data = /\bJsonResponse\s*\(|\bResponse\s*\(|\bjson\.dumps\s*\(|application\/json/.test(body) || /@api_view\b/.test(decorators);
      const page = /\b(?:render|render_to_response|TemplateResponse)\s*\(/.test(body);
      const form = /\b(?:redirect|HttpResponseRedirect|HttpResponseForbidden)\s*\(|\brequest\.POST\b|\w+Form\s*\(/.test(body);
      // a view that renders its page and answers the page's own refresh calls with JSON is still a page
      if (data || page || form) views.push({ name: m[1], line: at, answers: page ? 'page' : data ? 'data' : 'form' });
    } else {
      const bases = m[4] ?? '';
      if (DJANGO_API_BASE.test(bases)) views.push({ name: m[3], line: at, answers: 'data' });
      else if (DJANGO_PAGE_VIEW.test(bases) || /^[ \t]+template_name[ \t]*=/m.test(body)) views.push({ name: m[3], line: at, answers: 'page' });
      else if (/\bJsonResponse\s*\(/.test(body)) views.push({ name: m[3], line: at, answers: 'data' });
      // a class view on the project's own base view (netbox's generic.ObjectListView) renders Django's HTML
      // unless it says otherwise: the API ones are on REST framework's bases, caught above, or in an api module
      else if (/View\b/.test(bases)) views.push({ name: m[3], line: at, answers: apiModule ? 'data' : 'page' });
    }
  }
  return views;
}

function grpc(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /\badd_(\w+?)Servicer_to_server\s*\(/g, (m) => out.add('gRPC', m[1], 'serves', line(lexed, m.index)));
  eachMatch(lexed, /\b(?:\w+\.)?(\w+)Stub\s*\(/g, (m) => {
    if (/^[A-Z]/.test(m[1])) out.add('gRPC', m[1], 'calls', line(lexed, m.index));
  });
}

function celery(lexed: Lexed, text: string, out: ApiCollector): void {
  eachMatch(lexed, /^[ \t]*@(?:(\w+)\.task|shared_task)\b(\s*\()?/gm, (m) => {
    if (m[1] && !/^(app|celery|celery_app|capp|worker)$/i.test(m[1]) && !text.includes('celery') && !text.includes('Celery')) return;
    let name: string | undefined;
    if (m[2]) {
      const open = m.index + m[0].length - 1;
      name = keywordString(lexed, open, matchingClose(lexed.code, open), 'name')?.value;
    }
    if (!name) name = /\bdef\s+(\w+)/.exec(lexed.code.slice(m.index, m.index + 2000))?.[1];
    if (name) out.add('Task', name, 'consumes', line(lexed, m.index + m[0].indexOf('@')));
  });
  // task.delay(...) / task.apply_async(...) for a task defined or imported in this file
  eachMatch(lexed, /\b([A-Za-z_]\w*)\.(?:delay|apply_async)\s*\(/g, (m) => {
    const known = new RegExp(`\\bdef\\s+${m[1]}\\b|\\bimport\\b[^\\n]*\\b${m[1]}\\b`).test(lexed.code);
    if (known) out.add('Task', m[1], 'produces', line(lexed, m.index));
  });
  eachMatch(lexed, /\.send_task\s*\(\s*/g, (m, a) => a && out.add('Task', a.value, 'produces', line(lexed, m.index)));
}

function amqpAndKafka(lexed: Lexed, text: string, out: ApiCollector): void {
  if (text.includes('pika') || text.includes('basic_publish')) {
    eachMatch(lexed, /\.basic_publish\s*\(/g, (m) => {
      const open = m.index + m[0].length - 1;
      const key = keywordString(lexed, open, matchingClose(lexed.code, open), 'routing_key');
      if (key && key.value) out.add('Queue', key.value, 'produces', line(lexed, m.index));
    });
    eachMatch(lexed, /\.basic_consume\s*\(/g, (m) => {
      const open = m.index + m[0].length - 1;
      const q = keywordString(lexed, open, matchingClose(lexed.code, open), 'queue');
      if (q) out.add('Queue', q.value, 'consumes', line(lexed, m.index));
    });
  }
  if (text.includes('kafka') || text.includes('Kafka')) {
    eachMatch(lexed, /\b(?:producer|kafka_producer|self\.producer|p)\s*\.\s*(?:send|produce|send_and_wait)\s*\(\s*/g, (m, a) => {
      if (a) out.add('Queue', a.value, 'produces', line(lexed, m.index));
    });
    eachMatch(lexed, /\b(?:KafkaConsumer|AIOKafkaConsumer)\s*\(\s*/g, (m, a) => a && out.add('Queue', a.value, 'consumes', line(lexed, m.index)));
    eachMatch(lexed, /\.subscribe\s*\(\s*\[/g, (m) => {
      const open = m.index + m[0].length - 1;
      for (const s of stringsIn(lexed, open, matchingClose(lexed.code, open))) out.add('Queue', s.value, 'consumes', line(lexed, s.start));
    });
  }
}

/** boto3 SQS: the queue is named by the environment variable (or URL) its QueueUrl comes from. */
function sqs(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /\.(send_message|send_message_batch|receive_message)\s*\(/g, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    if (close < 0) return;
    const arg = /\bQueueUrl\s*=\s*/.exec(lexed.code.slice(open, close));
    if (!arg) return;
    const at = open + arg.index + arg[0].length;
    const env = /^os\.(?:environ\s*\[\s*|environ\.get\s*\(\s*|getenv\s*\(\s*)/.exec(lexed.code.slice(at, at + 40));
    const name = env ? stringAt(lexed, at + env[0].length)?.value : stringAt(lexed, at)?.value.replace(/^.*\//, '');
    if (name) out.add('Queue', name, m[1] === 'receive_message' ? 'consumes' : 'produces', line(lexed, m.index));
  });
}

function cli(lexed: Lexed, text: string, out: ApiCollector): void {
  const typer = text.includes('typer');
  eachMatch(lexed, /^[ \t]*@(\w+)\.(command|group)\s*\(/gm, (m) => {
    if (m[1] !== 'click' && !/^(cli|main|app|group|root|cmd|commands?)$/.test(m[1]) && !(typer && text.includes(`${m[1]} = typer.Typer`))) return;
    if (m[1] === 'app' && !typer && !text.includes('click')) return; // @app.command in other frameworks
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    const explicit = stringAt(lexed, open + 1) ?? keywordString(lexed, open, close, 'name');
    const fn = /\bdef\s+(\w+)/.exec(lexed.code.slice(close, close + 2000))?.[1];
    // click 7+ and typer turn function_name into function-name
    const name = explicit?.value ?? fn?.replace(/_/g, '-');
    if (name) out.add('CLI', name, 'defines', line(lexed, m.index + m[0].indexOf('@')));
  });
  if (text.includes('add_parser')) {
    eachMatch(lexed, /\.add_parser\s*\(\s*/g, (m, a) => a && /^[\w-]+$/.test(a.value) && out.add('CLI', a.value, 'defines', line(lexed, m.index)));
  }
}

export const pythonReader: Reader = {
  id: 'source/python',
  claims: (path) => !isNonProductCode(path),
  extensions: ['.py'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (/_pb2(?:_grpc)?\.pyi?$/.test(base)) return {}; // generated gRPC code names every service, both sides
    const mayRoute = text.includes('@') && /@\w+\.(?:route|get|post|put|patch|delete|options|head|websocket|api_route)\s*\(/.test(text);
    const mayImperative = text.includes('add_url_rule') || text.includes('add_api_route');
    const mayAiohttp = text.includes('aiohttp') && /\.add_(?:get|post|put|patch|delete|head|route)\b|\bweb\.(?:get|post|put|patch|delete|head)\b/.test(text);
    const mayDjango = base === 'urls.py' && /\b(?:re_)?path\s*\(|\burl\s*\(/.test(text);
    const mayGrpc = text.includes('_pb2') || text.includes('grpc');
    const mayCelery = text.includes('.task') || text.includes('shared_task') || text.includes('send_task');
    const mayQueue = /pika|basic_publish|kafka|Kafka/.test(text);
    const mayCli = text.includes('.command') || text.includes('.group') || text.includes('add_parser');
    const mayWs = text.includes('websockets.serve');
    const maySqs = text.includes('QueueUrl');
    const mayViews = /(?:^|\/)views(?:\.py$|\/)/.test(path) && /\bdef\s+\w+\s*\(\s*request\b|template_name|View\b/.test(text);
    if (!(mayRoute || mayImperative || mayAiohttp || mayDjango || mayGrpc || mayCelery || mayQueue || mayCli || mayWs || maySqs || mayViews)) return {};
    const lexed = lex(text, 'python');
    if (mayRoute) decoratorRoutes(lexed, out);
    if (mayImperative) imperativeRoutes(lexed, out);
    if (mayAiohttp) aiohttpRoutes(lexed, out);
    if (mayDjango) djangoUrls(lexed, out);
    if (mayGrpc) grpc(lexed, out);
    if (mayCelery) celery(lexed, text, out);
    if (mayQueue) amqpAndKafka(lexed, text, out);
    if (mayCli) cli(lexed, text, out);
    if (maySqs) sqs(lexed, out);
    if (mayWs) eachMatch(lexed, /\bwebsockets\.serve\s*\(/g, (m) => out.add('WebSocket', 'websockets', 'serves', line(lexed, m.index)));
    const views = mayViews ? djangoViews(path, lexed) : [];
    return views.length ? { ...out.result(), views } : out.result();
  },
};

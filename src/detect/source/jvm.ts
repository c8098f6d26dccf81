/**
 * Java and Kotlin source: Spring MVC/WebFlux mappings (class prefix + method mapping), JAX-RS @Path,
 * gRPC services and stubs, Kafka/Rabbit/JMS/SQS listeners and templates, WebSocket endpoints, picocli commands.
 */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, eachMatch, joinPath, keywordString, line, matchingClose, stringsIn } from './collect.js';
import { lex, type Lexed } from './lexer.js';

const SPRING_VERB: Record<string, string> = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE' };

/** Paths named by an annotation's arguments: a bare string, an array, or value=/path=. */
function annotationPaths(lexed: Lexed, open: number, close: number): string[] {
  if (open < 0 || close < 0) return [''];
  const body = lexed.code.slice(open + 1, close - 1);
  const named = /\b(?:value|path)\s*=\s*/.exec(body);
  if (named) {
    const start = open + 1 + named.index + named[0].length;
    const c = lexed.code[start];
    const end = c === '{' || c === '[' ? matchingClose(lexed.code, start) : start + 1 + lexed.code.slice(start + 1).search(/["']/) + 1;
    return stringsIn(lexed, start, end).map((s) => s.value);
  }
  // Positional: the strings before any `name =` argument
  const firstNamed = body.search(/\b\w+\s*=/);
  const until = firstNamed < 0 ? close : open + 1 + firstNamed;
  const found = stringsIn(lexed, open, until).map((s) => s.value);
  return found.length ? found : [''];
}

/** Is the annotation at `after` (end of its arguments) on a type rather than a method? */
function annotatesType(code: string, after: number): boolean {
  const rest = code.slice(after, after + 400).replace(/@\w+(?:\.\w+)*(?:\s*\([^)]*\))?/g, ' ');
  return /^\s*(?:(?:public|private|protected|abstract|final|open|internal|data|sealed|static)\s+)*(?:class|interface|object)\b/.test(rest);
}

function springRoutes(lexed: Lexed, out: ApiCollector): void {
  // a declarative HTTP client (a Feign or MicroProfile REST client) maps the routes it calls, not ones it serves
  if (/@(?:FeignClient|RegisterRestClient)\b/.test(lexed.code)) return;
  let prefixes: string[] = [''];
  // a @Controller (not a @RestController) answers with views, Thymeleaf pages and redirects, unless a
  // method or the class says @ResponseBody
  const pages = /@Controller\b/.test(lexed.code) && !/@RestController\b/.test(lexed.code) && !/@ResponseBody\b[^{]*\b(?:class|interface)\b/.test(lexed.code);
  eachMatch(lexed, /@(Get|Post|Put|Patch|Delete|Request)Mapping\b\s*(\()?/g, (m) => {
    const open = m[2] ? m.index + m[0].length - 1 : -1;
    const close = open >= 0 ? matchingClose(lexed.code, open) : m.index + m[0].length;
    const paths = annotationPaths(lexed, open, close);
    if (m[1] === 'Request' && annotatesType(lexed.code, close)) {
      prefixes = paths;
      return;
    }
    let verbs = m[1] === 'Request' ? [] : [SPRING_VERB[m[1]]];
    if (m[1] === 'Request') {
      const body = open >= 0 ? lexed.code.slice(open, close) : '';
      verbs = [...body.matchAll(/RequestMethod\.(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)/g)].map((v) => v[1]);
      if (!verbs.length) verbs = ['ALL'];
    }
    const from = Math.max(lexed.code.lastIndexOf(';', m.index), lexed.code.lastIndexOf('}', m.index)) + 1;
    const style = pages && !/@ResponseBody\b/.test(lexed.code.slice(from, close + 300).split('{')[0]) ? 'Web' : 'REST';
    for (const prefix of prefixes) for (const p of paths) for (const verb of verbs) out.add(style, `${verb} ${joinPath(prefix, p)}`, 'serves', line(lexed, m.index));
  });
}

function jaxRsRoutes(lexed: Lexed, out: ApiCollector): void {
  const { code } = lexed;
  let prefix = '';
  eachMatch(lexed, /@(Path|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g, (m) => {
    const end = m.index + m[0].length;
    if (m[1] === 'Path') {
      const open = code.indexOf('(', end);
      const close = open < 0 ? -1 : matchingClose(code, open);
      const s = open >= 0 && open - end < 5 ? stringsIn(lexed, open, close)[0] : undefined;
      if (s && annotatesType(code, close)) prefix = s.value;
      return;
    }
    // The method's annotations run from the previous statement end to the method signature.
    const from = Math.max(code.lastIndexOf(';', m.index), code.lastIndexOf('}', m.index), code.lastIndexOf('{', m.index)) + 1;
    const after = /^(?:\s*@\w+(?:\.\w+)*(?:\s*\([^)]*\))?)*/.exec(code.slice(end))![0];
    const region = code.slice(from, end + after.length);
    const own = /@Path\s*\(/.exec(region);
    const path = own ? stringsIn(lexed, from + own.index, end + after.length)[0]?.value : '';
    if (path === undefined) return;
    out.add('REST', `${m[1]} ${joinPath(prefix, path)}`, 'serves', line(lexed, m.index));
  });
}

function messaging(lexed: Lexed, text: string, out: ApiCollector): void {
  // [annotation, attribute naming the destinations]
  const listeners: [string, string][] = [
    ['KafkaListener', 'topics'],
    ['RabbitListener', 'queues'],
    ['JmsListener', 'destination'],
    ['SqsListener', 'value'],
  ];
  for (const [annotation, key] of listeners) {
    if (!text.includes(annotation)) continue;
    const re = new RegExp(`@${annotation}\\s*\\(`, 'g');
    eachMatch(lexed, re, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchingClose(lexed.code, open);
      const named = new RegExp(`\\b${key}\\s*=\\s*`).exec(lexed.code.slice(open, close));
      let names: string[];
      if (named) {
        const start = open + named.index + named[0].length;
        const c = lexed.code[start];
        names = stringsIn(lexed, start, c === '{' || c === '[' ? matchingClose(lexed.code, start) : start + 1 + lexed.code.slice(start + 1).search(/["']/) + 1).map((s) => s.value);
      } else {
        const firstNamed = lexed.code.slice(open, close).search(/\b\w+\s*=/);
        names = stringsIn(lexed, open, firstNamed < 0 ? close : open + firstNamed).map((s) => s.value);
      }
      // Property placeholders ("${app.topic}") are configuration, not names.
      for (const n of names) if (!n.includes('${') && !n.includes('#{')) out.add('Queue', n, 'consumes', line(lexed, m.index));
    });
  }
  if (!/KafkaTemplate|RabbitTemplate|JmsTemplate|AmqpTemplate|StreamBridge|KafkaOperations|RabbitOperations/.test(text)) return;
  eachMatch(lexed, /\b(?:kafkaTemplate|rabbitTemplate|jmsTemplate|amqpTemplate|streamBridge|template)\s*\.\s*(send|convertAndSend|sendDefault)\s*\(\s*/gi, (m, a) => {
    if (a && m[1] !== 'sendDefault') out.add('Queue', a.value, 'produces', line(lexed, m.index));
  });
}

function grpc(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /\b(\w+)Grpc\.\1ImplBase\b|\b(\w+)Grpc\.(\w+)ImplBase\b/g, (m) => out.add('gRPC', m[1] ?? m[3], 'serves', line(lexed, m.index)));
  eachMatch(lexed, /\b(\w+)Grpc\.new(?:Blocking|Future)?Stub\s*\(/g, (m) => out.add('gRPC', m[1], 'calls', line(lexed, m.index)));
  eachMatch(lexed, /\b(\w+)GrpcKt\.(\w+)CoroutineImplBase\b/g, (m) => out.add('gRPC', m[2], 'serves', line(lexed, m.index)));
}

function websockets(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /@ServerEndpoint\s*\(\s*(?:value\s*=\s*)?/g, (m, a) => a && out.add('WebSocket', a.value, 'serves', line(lexed, m.index)));
  eachMatch(lexed, /\.addEndpoint\s*\(\s*/g, (m, a) => a && a.value.startsWith('/') && out.add('WebSocket', a.value, 'serves', line(lexed, m.index)));
  eachMatch(lexed, /\.addHandler\s*\([^,()]*(?:\([^()]*\))?[^,()]*,\s*/g, (m, a) => a && a.value.startsWith('/') && out.add('WebSocket', a.value, 'serves', line(lexed, m.index)));
}

function picocli(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /@(?:CommandLine\.)?Command\s*\(/g, (m) => {
    const open = m.index + m[0].length - 1;
    const name = keywordString(lexed, open, matchingClose(lexed.code, open), 'name');
    if (name && /^[\w-]+$/.test(name.value)) out.add('CLI', name.value, 'defines', line(lexed, m.index));
  });
}

export const jvmReader: Reader = {
  id: 'source/jvm',
  claims: (path) => !isNonProductCode(path),
  extensions: ['.java', '.kt'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    if (/Grpc(?:Kt)?\.(?:java|kt)$/.test(path) || /(^|\/)generated(?:-sources)?\//.test(path)) return {}; // generated stubs
    const maySpring = text.includes('Mapping');
    const mayJaxRs = text.includes('@Path');
    const mayQueue = /Listener|Template|streamBridge/.test(text);
    const mayGrpc = text.includes('Grpc');
    const mayWs = text.includes('ServerEndpoint') || text.includes('WebSocket') || text.includes('Stomp');
    const mayCli = text.includes('picocli');
    if (!(maySpring || mayJaxRs || mayQueue || mayGrpc || mayWs || mayCli)) return {};
    const lexed = lex(text, 'c');
    if (maySpring) springRoutes(lexed, out);
    if (mayJaxRs) jaxRsRoutes(lexed, out);
    if (mayQueue) messaging(lexed, text, out);
    if (mayGrpc) grpc(lexed, out);
    if (mayWs) websockets(lexed, out);
    if (mayCli) picocli(lexed, out);
    return out.result();
  },
};

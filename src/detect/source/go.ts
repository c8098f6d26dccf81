/**
 * Go source: gin/echo/fiber/chi/gorilla/net/http routes (with Group prefixes and chi Route blocks),
 * gRPC Register*Server / New*Client, sarama and kafka-go topics, NATS subjects, cobra commands.
 */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, eachMatch, joinPath, line, matchingClose } from './collect.js';
import { lex, stringAt, type Lexed } from './lexer.js';

const ROUTER_IMPORTS = /"github\.com\/(?:gin-gonic\/gin|labstack\/echo(?:\/v\d)?|gofiber\/fiber(?:\/v\d)?|go-chi\/chi(?:\/v\d)?|gorilla\/mux|julienschmidt\/httprouter|uptrace\/bunrouter)"|"net\/http"/;

interface Scope {
  start: number;
  end: number;
  prefix: string;
}

function routes(lexed: Lexed, out: ApiCollector): void {
  const { code } = lexed;
  // v1 := r.Group("/v1") ; users := v1.Group("/users")
  const groups = new Map<string, string>();
  eachMatch(lexed, /\b(\w+)\s*:?=\s*(\w+)\.Group\s*\(\s*/g, (m, a) => {
    if (a) groups.set(m[1], joinPath(groups.get(m[2]) ?? '', a.value));
  });
  // chi: r.Route("/users", func(r chi.Router) { ... })
  const scopes: Scope[] = [];
  eachMatch(lexed, /\.Route\s*\(\s*/g, (m, a) => {
    if (!a) return;
    const fn = code.indexOf('func', a.start);
    const brace = fn < 0 ? -1 : code.indexOf('{', fn);
    const end = brace < 0 ? -1 : matchingClose(code, brace);
    if (end > 0 && fn - a.start < 80) scopes.push({ start: brace, end, prefix: a.value });
  });
  const scopePrefix = (at: number) =>
    scopes
      .filter((s) => s.start < at && at < s.end)
      .sort((x, y) => x.start - y.start)
      .map((s) => s.prefix);
  const add = (verb: string, receiver: string, path: string, at: number) => {
    const full = joinPath(...scopePrefix(at), groups.get(receiver) ?? '', path);
    out.add('REST', verb ? `${verb} ${full}` : full, 'serves', line(lexed, at));
  };
  eachMatch(lexed, /\b(\w+)\.(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|Any|Get|Post|Put|Patch|Delete|Options|Head|All)\s*\(\s*/g, (m, a) => {
    // A group's own root is registered with an empty path: products.GET("", list)
    if (!a || !(a.value.startsWith('/') || (a.value === '' && groups.has(m[1])))) return;
    const verb = m[2] === 'Any' || m[2] === 'All' ? 'ALL' : m[2].toUpperCase();
    add(verb, m[1], a.value, m.index);
  });
  // net/http and gorilla: mux.HandleFunc("/x", h).Methods("GET"); Go 1.22 patterns carry the method: "GET /x"
  eachMatch(lexed, /\b(\w+)\.(HandleFunc|Handle)\s*\(\s*/g, (m, found) => {
    // r.HandleFunc(baseUrl + "/cart", h): a configurable prefix (empty by default) before the literal path
    const prefixed = found ? undefined : /^[\w.]+\s*\+\s*/.exec(code.slice(m.index + m[0].length, m.index + m[0].length + 80));
    const a = found ?? (prefixed ? stringAt(lexed, m.index + m[0].length + prefixed[0].length) : undefined);
    if (!a) return;
    const pattern = /^(?:(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\s+)?(\/\S*)$/.exec(a.value);
    if (!pattern) return;
    const callOpen = code.lastIndexOf('(', a.start);
    const close = matchingClose(code, callOpen);
    const methods = close > 0 ? /^\s*\.\s*Methods\s*\(([^)]*)\)/.exec(code.slice(close, close + 200)) : null;
    // .Methods("GET", "POST") or .Methods(http.MethodGet, http.MethodHead)
    const verbs = methods
      ? [
          ...[...lexed.strings.entries()].filter(([k]) => k > close && k < close + methods[0].length).map(([, v]) => v.toUpperCase()),
          ...[...methods[1].matchAll(/\bhttp\.Method(Get|Post|Put|Patch|Delete|Head|Options)\b/g)].map((v) => v[1].toUpperCase()),
        ]
      : [pattern[1] ?? ''];
    for (const verb of verbs) add(verb, m[1], pattern[2], m.index);
  });
}

function grpc(lexed: Lexed, text: string, out: ApiCollector): void {
  eachMatch(lexed, /\b\w+\.Register(\w+)Server\s*\(/g, (m) => out.add('gRPC', m[1], 'serves', line(lexed, m.index)));
  // Generated packages are named *pb, *proto, *_v1 ...; redis.NewClusterClient and friends are not gRPC.
  // A file that imports grpc itself opens the connection its clients use, whatever their package is named
  // (gh's codespace.NewCodespaceHostClient(conn)).
  const dialsGrpc = /"google\.golang\.org\/grpc"/.test(text);
  eachMatch(lexed, /\b(\w+)\.New(\w+)Client\s*\(/g, (m) => {
    if (!(dialsGrpc || /pb|proto|grpc|v\d+$|^api$/i.test(m[1])) || /^(?:Cluster|Failover|Universal|Ring|Sentinel|Admin|Presign|Http|HTTP|Rest)$/.test(m[2])) return;
    out.add('gRPC', m[2], 'calls', line(lexed, m.index));
  });
}

function kafka(lexed: Lexed, text: string, out: ApiCollector): void {
  // Topic: "orders" inside a producer message/writer or a reader config
  eachMatch(lexed, /\bTopic\s*:\s*/g, (m, a) => {
    if (!a) return;
    const before = lexed.code.slice(Math.max(0, m.index - 400), m.index);
    const producer = Math.max(before.lastIndexOf('ProducerMessage{'), before.lastIndexOf('Writer{'), before.lastIndexOf('Message{'));
    const consumer = before.lastIndexOf('ReaderConfig{');
    if (producer < 0 && consumer < 0) return;
    out.add('Queue', a.value, consumer > producer ? 'consumes' : 'produces', line(lexed, m.index));
  });
  if (text.includes('sarama')) {
    eachMatch(lexed, /\.ConsumePartition\s*\(\s*/g, (m, a) => a && out.add('Queue', a.value, 'consumes', line(lexed, m.index)));
    eachMatch(lexed, /\.Consume\s*\(\s*\w+\s*,\s*\[\]string\s*\{/g, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchingClose(lexed.code, open);
      for (const [k, v] of lexed.strings) if (k > open && k < close) out.add('Queue', v, 'consumes', line(lexed, k));
    });
  }
}

function nats(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /\b(?:nc|conn|natsConn|js)\.(Publish|Subscribe|QueueSubscribe|Request)\s*\(\s*/g, (m, a) => {
    if (a) out.add('Queue', a.value, m[1].includes('Subscribe') ? 'consumes' : 'produces', line(lexed, m.index));
  });
}

/** aws-sdk-go SQS inputs: QueueUrl: aws.String(os.Getenv("ORDERS_QUEUE_URL")) names the queue by its variable. */
function sqs(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /\bsqs\.(SendMessage(?:Batch)?Input|ReceiveMessageInput)\s*\{/g, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    const body = lexed.code.slice(open, close < 0 ? open : close);
    const url = /\bQueueUrl\s*:\s*(?:aws\.String\s*\(\s*)?(os\.Getenv\s*\(\s*)?/.exec(body);
    if (!url) return;
    const s = stringAt(lexed, open + url.index + url[0].length);
    const name = s ? (url[1] ? s.value : s.value.replace(/^.*\//, '')) : undefined;
    if (name) out.add('Queue', name, m[1].startsWith('Receive') ? 'consumes' : 'produces', line(lexed, m.index));
  });
}

function cobra(lexed: Lexed, out: ApiCollector): void {
  eachMatch(lexed, /&cobra\.Command\s*\{/g, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lexed.code, open);
    const use = /\bUse\s*:\s*/.exec(lexed.code.slice(open, close));
    const s = use ? stringAt(lexed, open + use.index + use[0].length) : undefined;
    const name = s?.value.trim().split(/\s+/)[0];
    if (name && /^[\w:-]+$/.test(name)) out.add('CLI', name, 'defines', line(lexed, m.index));
  });
}

export const goReader: Reader = {
  id: 'source/go',
  claims: (path) => !isNonProductCode(path),
  extensions: ['.go'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    if (path.endsWith('_test.go') || path.endsWith('.pb.go') || path.endsWith('_grpc.pb.go')) return {};
    const mayRoute = ROUTER_IMPORTS.test(text);
    const mayGrpc = text.includes('grpc') && (text.includes('Server(') || text.includes('Client('));
    const mayKafka = text.includes('Topic') || text.includes('sarama');
    const mayNats = text.includes('nats');
    const mayCobra = text.includes('cobra.Command');
    const maySqs = text.includes('QueueUrl');
    if (!(mayRoute || mayGrpc || mayKafka || mayNats || mayCobra || maySqs)) return {};
    const lexed = lex(text, 'go');
    if (mayRoute) routes(lexed, out);
    if (mayGrpc) grpc(lexed, text, out);
    if (mayKafka) kafka(lexed, text, out);
    if (mayNats) nats(lexed, out);
    if (mayCobra) cobra(lexed, out);
    if (maySqs) sqs(lexed, out);
    if (/"github\.com\/gorilla\/websocket"|"nhooyr\.io\/websocket"|"github\.com\/coder\/websocket"/.test(text)) {
      eachMatch(lexed, /\bwebsocket\.(?:Upgrader\s*\{|Accept\s*\()/g, (m) => out.add('WebSocket', 'websocket', 'serves', line(lexed, m.index)));
    }
    return out.result();
  },
};

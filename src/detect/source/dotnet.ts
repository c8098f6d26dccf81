/** C# source: ASP.NET controllers ([Route] + [HttpGet]), minimal APIs (MapGet, MapGroup), gRPC, SignalR hubs. */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, eachMatch, joinPath, line } from './collect.js';
import { lex, type Lexed } from './lexer.js';

function controllers(lexed: Lexed, out: ApiCollector): void {
  const { code } = lexed;
  let prefix = '';
  let controller = '';
  // an MVC controller (: Controller) renders views; [ApiController] and ControllerBase answer with data
  const views = /:\s*Controller\b/.test(code) && !/\[\s*ApiController\b|:\s*ControllerBase\b/.test(code);
  // Walk attributes and class declarations in order, so a class-level [Route] applies to its actions.
  const re = /\[\s*(Route|Http(Get|Post|Put|Patch|Delete|Head|Options))\s*(\(\s*)?|\bclass\s+(\w+?)(?:Controller)?\b/g;
  let pendingRoute: string | undefined;
  eachMatch(lexed, re, (m, a) => {
    if (m[4] !== undefined) {
      controller = m[4];
      prefix = pendingRoute ?? '';
      pendingRoute = undefined;
      return;
    }
    const path = m[3] ? (a?.value ?? '') : '';
    const close = code.indexOf(']', m.index);
    const isClassLevel = m[1] === 'Route' && /^\s*(?:\[[^\]]*\]\s*)*(?:(?:public|internal|sealed|abstract|partial|static)\s+)*class\b/.test(code.slice(close + 1, close + 300));
    if (isClassLevel) {
      pendingRoute = path;
      return;
    }
    if (m[1] === 'Route') return; // method-level [Route] without a verb: the verb attribute says more
    // No [Route] on the class and no template on the action: conventional routing ({controller}/{action}),
    // which the file alone cannot resolve.
    if (!prefix && !path) return;
    const verb = m[2].toUpperCase();
    // An action's template starting with "/" or "~/" overrides the controller route.
    const template = path.startsWith('/') || path.startsWith('~/') ? path.replace(/^~/, '') : joinPath(prefix, path);
    const full = controller ? template.replace(/\[controller\]/gi, controller) : template;
    out.add(views ? 'Web' : 'REST', `${verb} ${joinPath(full)}`, 'serves', line(lexed, m.index));
  });
}

function minimalApis(lexed: Lexed, out: ApiCollector): void {
  const groups = new Map<string, string>();
  eachMatch(lexed, /\b(?:var\s+)?(\w+)\s*=\s*(\w+)\.MapGroup\s*\(\s*/g, (m, a) => {
    if (a) groups.set(m[1], joinPath(groups.get(m[2]) ?? '', a.value));
  });
  // a gRPC host's MapGet("/") only tells browsers to use a gRPC client: it is no REST interface
  const grpcHost = lexed.code.includes('MapGrpcService');
  eachMatch(lexed, /\b(\w+)\.Map(Get|Post|Put|Patch|Delete)\s*\(\s*/g, (m, a) => {
    if (a && grpcHost && m[2] === 'Get' && a.value === '/' && !groups.has(m[1])) return;
    if (a) out.add('REST', `${m[2].toUpperCase()} ${joinPath(groups.get(m[1]) ?? '', a.value)}`, 'serves', line(lexed, m.index));
  });
  eachMatch(lexed, /\.MapHub\s*<\s*\w+\s*>\s*\(\s*/g, (m, a) => a && out.add('WebSocket', a.value, 'serves', line(lexed, m.index)));
}

function grpc(lexed: Lexed, out: ApiCollector): void {
  // class GreeterService : Greeter.GreeterBase   /   new Greeter.GreeterClient(channel)
  eachMatch(lexed, /:\s*(\w+)\.\1Base\b/g, (m) => out.add('gRPC', m[1], 'serves', line(lexed, m.index)));
  eachMatch(lexed, /\bnew\s+(\w+)\.\1Client\s*\(/g, (m) => out.add('gRPC', m[1], 'calls', line(lexed, m.index)));
}

export const dotnetReader: Reader = {
  id: 'source/dotnet',
  claims: (path) => !isNonProductCode(path),
  extensions: ['.cs'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    const mayControllers = text.includes('[Http') || text.includes('[Route');
    const mayMinimal = text.includes('.Map');
    const mayGrpc = text.includes('Base') || text.includes('Client(');
    if (!(mayControllers || mayMinimal || mayGrpc)) return {};
    const lexed = lex(text, 'csharp');
    if (mayControllers) controllers(lexed, out);
    if (mayMinimal) minimalApis(lexed, out);
    if (mayGrpc) grpc(lexed, out);
    return out.result();
  },
};

/** Protocol Buffers: each `service` is a gRPC API this file defines, each `rpc` one of its methods. */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, line, matchingClose } from './collect.js';
import { lex } from './lexer.js';

export const protoReader: Reader = {
  id: 'source/proto',
  claims: (path) => !isNonProductCode(path, { keepDocs: true }),
  extensions: ['.proto'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    if (!text.includes('service')) return out.result();
    const lexed = lex(text, 'c');
    const { code } = lexed;
    for (const m of code.matchAll(/\bservice\s+([A-Za-z_]\w*)\s*\{/g)) {
      const service = m[1];
      out.add('gRPC', service, 'defines', line(lexed, m.index));
      const open = m.index + m[0].length - 1;
      const close = matchingClose(code, open);
      const body = code.slice(open, close < 0 ? code.length : close);
      for (const rpc of body.matchAll(/\brpc\s+([A-Za-z_]\w*)\s*\(/g)) {
        out.add('gRPC', `${service}.${rpc[1]}`, 'defines', line(lexed, open + rpc.index));
      }
    }
    return out.result();
  },
};

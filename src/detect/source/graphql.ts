/** GraphQL SDL: the fields of the root operation types are the API this file defines ("Query.orders"). */
import type { FileFacts, Reader } from '../facts.js';
import { ApiCollector, isNonProductCode, line, matchingClose } from './collect.js';
import { lex } from './lexer.js';

/** Root operation fields in SDL text, with offsets into that text. Shared with SDL embedded in code (gql`...`). */
export function sdlRootFields(text: string): { name: string; offset: number }[] {
  // `#` comments and """descriptions""" are Python-shaped, so the Python lexer blanks them.
  const { code } = lex(text, 'python');
  const found: { name: string; offset: number }[] = [];
  const roots = new Map([
    ['Query', 'Query'],
    ['Mutation', 'Mutation'],
    ['Subscription', 'Subscription'],
  ]);
  const schema = /\bschema\s*(?:@\w+\s*)*\{([^}]*)\}/.exec(code);
  if (schema) {
    for (const m of schema[1].matchAll(/\b(query|mutation|subscription)\s*:\s*([A-Za-z_]\w*)/g)) {
      const op = m[1][0].toUpperCase() + m[1].slice(1);
      for (const [k, v] of roots) if (v === op) roots.delete(k);
      roots.set(m[2], op);
    }
  }
  for (const m of code.matchAll(/\b(?:extend\s+)?type\s+([A-Za-z_]\w*)[^{]*\{/g)) {
    const op = roots.get(m[1]);
    if (!op) continue;
    const open = m.index + m[0].length - 1;
    const close = matchingClose(code, open);
    const body = code.slice(open + 1, close < 0 ? code.length : close - 1);
    // A field name starts each line (or follows a comma) at depth 0 of the body; arguments are in parentheses.
    let depth = 0;
    let expectField = true;
    for (let k = 0; k < body.length; k++) {
      const c = body[k];
      if (c === '(' || c === '{' || c === '[') depth++;
      else if (c === ')' || c === '}' || c === ']') depth--;
      else if (depth === 0 && /[A-Za-z_]/.test(c) && expectField) {
        const name = /^[A-Za-z_]\w*/.exec(body.slice(k))![0];
        const after = body.slice(k + name.length).trimStart()[0];
        if (after === ':' || after === '(') found.push({ name: `${op}.${name}`, offset: open + 1 + k });
        k += name.length - 1;
        expectField = false;
        continue;
      }
      if (depth === 0 && (c === '\n' || c === ',')) expectField = true;
    }
  }
  return found;
}

export const graphqlReader: Reader = {
  id: 'source/graphql',
  claims: (path) => !isNonProductCode(path, { keepDocs: true }),
  extensions: ['.graphql', '.gql', '.graphqls'],
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    const lexed = lex(text, 'python');
    for (const f of sdlRootFields(text)) out.add('GraphQL', f.name, 'defines', line(lexed, f.offset));
    return out.result();
  },
};

/** Cloudflare Workers wrangler.toml / wrangler.json(c): the worker, its [env.*] environments and storage bindings. */
import type { AddonFact, FileFacts, Reader } from '../facts.js';
import { asString, compact, escapeRegExp, isRecord, lineOfText, parseJson, parseTomlText } from './util.js';

const BINDINGS: Record<string, string> = {
  d1_databases: 'd1',
  kv_namespaces: 'kv',
  r2_buckets: 'r2',
  durable_objects: 'durable-objects',
  queues: 'queues',
  vectorize: 'vectorize',
  hyperdrive: 'hyperdrive',
  ai: 'workers-ai',
};

/** JSONC: comments and trailing commas removed outside strings. A string always matches (to its quote or the end): a failing one was rescanned from every later quote. */
function stripJsonComments(text: string): string {
  return text
    .replace(/"(?:\\[\s\S]|[^"\\])*(?:"|\\?$)|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, (m) => (m.startsWith('"') ? m : m.replace(/[^\n]/g, ' ')))
    .replace(/,(\s*[}\]])/g, '$1');
}

export const wranglerReader: Reader = {
  id: 'wrangler',
  fileNames: ['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const parsed = path.endsWith('.toml') ? parseTomlText(path, text) : parseJson(path, stripJsonComments(text));
    const value = parsed.value;
    if (!isRecord(value)) return compact({ warnings: parsed.warnings });
    const name = asString(value.name);
    const nameLine = lineOfText(text, /^[ \t]*"?name"?\s*[=:]/m);
    const addons: AddonFact[] = [];
    for (const [key, addon] of Object.entries(BINDINGS)) {
      if (key in value) addons.push({ name: addon, via: 'wrangler config', line: lineOfText(text, new RegExp(`${escapeRegExp(key)}\\b`)) });
    }
    const envs = isRecord(value.env) ? Object.keys(value.env) : [];
    return compact({
      services: name ? [{ name, source: 'wrangler', kind: 'function' as const, ...(nameLine ? { line: nameLine } : {}) }] : [],
      hosting: [{ provider: 'Cloudflare', via: 'wrangler config (Workers)', line: nameLine ?? 1 }],
      environments: envs.map((e) => ({ name: e, via: 'wrangler env', line: lineOfText(text, new RegExp(`env\\.${escapeRegExp(e)}\\b|"${escapeRegExp(e)}"\\s*:`)) })),
      addons,
      warnings: parsed.warnings,
    });
  },
};

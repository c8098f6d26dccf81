/**
 * Cloudflare Workers wrangler.toml / wrangler.json(c): the worker, what reaches it (routes, static assets,
 * its workers.dev URL, cron triggers, the queues it consumes), its [env.*] environments and the bindings
 * that give it storage.
 */
import type { AddonFact, ApiFact, FileFacts, Reader } from '../facts.js';
import { asString, compact, escapeRegExp, isRecord, lineOfText, parseJson, parseTomlText, resolveRelative } from './util.js';

/** Binding keys (the catalogue's wranglerBinding matchers say what each binds). */
const BINDINGS = ['d1_databases', 'kv_namespaces', 'r2_buckets', 'durable_objects', 'queues', 'vectorize', 'hyperdrive', 'ai'];

/** Settings that give a Worker a URL: routes on a zone, a workers.dev subdomain, static assets or a Workers Site it serves. */
const HTTP_KEYS = ['routes', 'route', 'assets', 'site', 'workers_dev'];

/** JSONC: comments and trailing commas removed outside strings. A string always matches (to its quote or the end): a failing one was rescanned from every later quote. */
function stripJsonComments(text: string): string {
  return text
    .replace(/"(?:\\[\s\S]|[^"\\])*(?:"|\\?$)|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, (m) => (m.startsWith('"') ? m : m.replace(/[^\n]/g, ' ')))
    .replace(/,(\s*[}\]])/g, '$1');
}

const present = (v: unknown) => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && !v.length) && v !== '';

/** Objects, or a list of them, as a list. */
const entries = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : isRecord(v) ? [v] : []);

export const wranglerReader: Reader = {
  id: 'wrangler',
  fileNames: ['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const parsed = path.endsWith('.toml') ? parseTomlText(path, text) : parseJson(path, stripJsonComments(text));
    const value = parsed.value;
    if (!isRecord(value)) return compact({ warnings: parsed.warnings });
    // a key as JSON or TOML writes it (`"routes":`, `routes =`), or a TOML table (`[assets]`, `[[queues.consumers]]`)
    const lineOf = (key: string) => lineOfText(text, new RegExp(`^[ \\t]*(?:"?${escapeRegExp(key)}"?\\s*[=:]|\\[\\[?${escapeRegExp(key)}[.\\]])`, 'm'));
    const name = asString(value.name);
    const nameLine = lineOf('name');
    const envs = isRecord(value.env) ? Object.entries(value.env).filter(([, e]) => isRecord(e)) : [];
    // what the top level or any environment sets
    const settings = [value, ...envs.map(([, e]) => e as Record<string, unknown>)];
    const addons: AddonFact[] = [];
    for (const key of BINDINGS) {
      if (settings.some((s) => present(s[key]))) addons.push({ name: key, via: 'wrangler binding', line: lineOf(key) });
    }
    // the database behind Hyperdrive, where the config gives the connection string used locally
    const datastores = settings
      .flatMap((s) => entries(s.hyperdrive))
      .map((h) => /^([a-z][a-z0-9+.-]*):\/\//i.exec(asString(h.localConnectionString) ?? '')?.[1].toLowerCase())
      .filter((scheme): scheme is string => scheme !== undefined)
      .map((scheme) => compact({ scheme, via: 'wrangler hyperdrive', line: lineOfText(text, /"?localConnectionString"?\s*[=:]/) }));
    const httpKey = HTTP_KEYS.find((k) => settings.some((s) => present(s[k])));
    const crons = settings.flatMap((s) => (isRecord(s.triggers) && Array.isArray(s.triggers.crons) ? s.triggers.crons : [])).map(asString).filter((c): c is string => !!c);
    const apis: ApiFact[] = [];
    if (name) {
      for (const s of settings) {
        const queues = isRecord(s.queues) ? s.queues : {};
        for (const [list, role] of [['consumers', 'consumes'], ['producers', 'produces']] as const) {
          for (const q of entries(queues[list])) {
            const queue = asString(q.queue);
            if (queue && !apis.some((a) => a.name === queue && a.role === role)) apis.push({ style: 'Queue', name: queue, role, line: lineOf(`queues.${list}`) ?? lineOf(list), service: name });
          }
        }
      }
    }
    const main = asString(value.main);
    const entry = main ? resolveRelative(path, main) : undefined;
    const service = name
      ? [compact({
          name,
          source: 'wrangler',
          kind: 'function' as const,
          ...(nameLine ? { line: nameLine } : {}),
          ...(entry ? { entry } : {}),
          ...(httpKey ? { http: { via: `wrangler ${httpKey}`, line: lineOf(httpKey) } } : {}),
          ...(crons.length ? { schedule: crons.join(', ') } : {}),
        })]
      : [];
    return compact({
      services: service,
      apis,
      hosting: [{ provider: 'Cloudflare', via: 'wrangler config (Workers)', line: nameLine ?? 1 }],
      environments: envs.map(([e]) => ({ name: e, via: 'wrangler env', line: lineOfText(text, new RegExp(`env\\.${escapeRegExp(e)}\\b|"${escapeRegExp(e)}"\\s*:`)) })),
      addons,
      datastores,
      warnings: parsed.warnings,
    });
  },
};

/** Render blueprint render.yaml: services (web, private, worker, cron, static, key-value) and Postgres databases. */
import type { AddonFact, FileFacts, Reader, ServiceFact } from '../facts.js';
import { asString, compact, isRecord, lookup, parseYaml, resolveRelative, uniq } from './util.js';

const TYPE_KIND: Record<string, ServiceFact['kind']> = {
  web: 'service',
  pserv: 'service',
  worker: 'worker',
  cron: 'cronjob',
  redis: 'datastore',
  keyvalue: 'datastore',
};

export const renderReader: Reader = {
  id: 'render',
  fileNames: ['render.yaml', 'render.yml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    const v = doc?.value;
    if (!doc || !isRecord(v) || (!Array.isArray(v.services) && !Array.isArray(v.databases))) return compact({ warnings });
    const services: ServiceFact[] = [];
    const addons: AddonFact[] = [];
    (Array.isArray(v.services) ? v.services : []).forEach((s, i) => {
      const name = isRecord(s) ? asString(s.name) : undefined;
      if (!name || !isRecord(s)) return;
      const type = asString(s.type) ?? '';
      const runtime = asString(s.runtime) ?? asString(s.env);
      const line = doc.lineOf(['services', i]);
      const kind = runtime === 'static' ? 'frontend' : lookup(TYPE_KIND, type);
      // Render's Key Value is Redis-compatible (Valkey); "redis" is the older type name
      if (type === 'redis' || type === 'keyvalue') addons.push({ name: 'redis', via: 'render.yaml', line });
      const folder = asString(s.rootDir) ?? asString(s.dockerContext);
      const envVars = Array.isArray(s.envVars) ? s.envVars.filter(isRecord) : [];
      const refs = envVars.map((e) => asString(isRecord(e.fromService) ? e.fromService.name : isRecord(e.fromDatabase) ? e.fromDatabase.name : undefined));
      services.push(compact({
        name,
        source: 'render',
        kind,
        build: folder ? resolveRelative(path, folder) : undefined,
        schedule: asString(s.schedule),
        dependsOn: uniq(refs.filter((r): r is string => !!r && r !== name)),
        envNames: uniq(envVars.map((e) => asString(e.key)).filter((k): k is string => !!k)),
        line,
      }));
    });
    (Array.isArray(v.databases) ? v.databases : []).forEach((d, i) => {
      const name = isRecord(d) ? asString(d.name) : undefined;
      if (!name) return;
      const line = doc.lineOf(['databases', i]);
      services.push({ name, source: 'render', kind: 'datastore', line });
      addons.push({ name: 'postgresql', via: 'render.yaml', line });
    });
    return compact({ services, addons, hosting: [{ provider: 'Render', via: 'render.yaml', line: 1 }], warnings });
  },
};

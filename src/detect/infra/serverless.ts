/** Serverless Framework (serverless.yml): provider, functions with their HTTP events, stages, embedded CloudFormation. */
import type { ApiFact, EnvironmentFact, FileFacts, IacFact, Reader, ServiceFact } from '../facts.js';
import { asString, compact, isRecord, lookup, parseYaml, resolveRelative, uniq } from './util.js';

const PROVIDER_HOSTING: Record<string, string> = {
  aws: 'AWS',
  azure: 'Azure',
  google: 'Google Cloud',
  openwhisk: 'Apache OpenWhisk',
  cloudflare: 'Cloudflare',
  knative: 'Kubernetes',
  tencent: 'Tencent Cloud',
  aliyun: 'Alibaba Cloud',
};

/** "GET /users/{id}" from `http: {path, method}`, `http: 'GET users/{id}'` or `httpApi: 'GET /x'`. */
function httpRoute(event: unknown): string | undefined {
  if (typeof event === 'string') {
    const m = /^(\S+)\s+(\S+)$/.exec(event.trim());
    if (m) return `${m[1].toUpperCase()} ${m[2].startsWith('/') ? m[2] : '/' + m[2]}`;
    return event.trim() === '*' ? 'ANY /*' : undefined;
  }
  if (!isRecord(event)) return undefined;
  const method = asString(event.method) ?? '*';
  const path = asString(event.path);
  if (path === undefined) return undefined;
  return `${method === '*' ? 'ANY' : method.toUpperCase()} ${path.startsWith('/') ? path : '/' + path}`;
}

/** Literal stage names only: "${opt:stage, 'dev'}" is a variable, not a stage. */
function literal(v: unknown): string | undefined {
  const s = asString(v);
  return s && !/[${}]/.test(s) ? s : undefined;
}

export const serverlessReader: Reader = {
  id: 'serverless',
  patterns: [/(^|\/)serverless([.-][\w-]+)?\.ya?ml$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value)) return compact({ warnings });
    const v = doc.value;
    if (!('service' in v) || !('provider' in v || 'functions' in v)) return compact({ warnings });
    const providerName = isRecord(v.provider) ? literal(v.provider.name) : literal(v.provider);
    const hostingProvider = lookup(PROVIDER_HOSTING, providerName);
    const hosting = hostingProvider
      ? [{ provider: hostingProvider, via: 'serverless.yml provider', line: doc.lineOf(['provider']) }]
      : [];
    const iac: IacFact[] = [];
    if (providerName) iac.push({ tool: 'serverless', kind: 'project', type: providerName, name: asString(v.service), line: doc.lineOf(['service']) });
    const services: ServiceFact[] = [];
    const apis: ApiFact[] = [];
    if (isRecord(v.functions)) {
      for (const [name, fn] of Object.entries(v.functions)) {
        const line = doc.lineOf(['functions', name]);
        services.push({ name, source: 'serverless', kind: 'function', line });
        const events = isRecord(fn) && Array.isArray(fn.events) ? fn.events : [];
        events.forEach((ev, i) => {
          if (!isRecord(ev)) return;
          const route = httpRoute(ev.http ?? ev.httpApi);
          if (route && !route.includes('${')) apis.push({ style: 'REST', name: route, role: 'serves', line: doc.lineOf(['functions', name, 'events', i]), service: name });
          if (ev.websocket !== undefined) apis.push({ style: 'WebSocket', name, role: 'serves', line: doc.lineOf(['functions', name, 'events', i]), service: name });
        });
      }
    }
    // `layers: {name: {path}}`: folders the framework packages as Lambda layers, code the functions share
    if (isRecord(v.layers)) {
      for (const [name, layer] of Object.entries(v.layers)) {
        const folder = isRecord(layer) ? asString(layer.path) : undefined;
        const code = folder ? resolveRelative(path, folder) : undefined;
        if (code !== undefined) iac.push({ tool: 'serverless', kind: 'resource', type: 'AWS::Lambda::LayerVersion', name, line: doc.lineOf(['layers', name]), code });
      }
    }
    const resources = isRecord(v.resources) && isRecord(v.resources.Resources) ? v.resources.Resources : {};
    for (const [id, res] of Object.entries(resources)) {
      const type = isRecord(res) ? asString(res.Type) : undefined;
      if (type) iac.push({ tool: 'cloudformation', kind: 'resource', type, name: id, line: doc.lineOf(['resources', 'Resources', id]) });
    }
    const stageNames: [string, number | undefined][] = [];
    if (isRecord(v.stages)) for (const s of Object.keys(v.stages)) if (s !== 'default') stageNames.push([s, doc.lineOf(['stages', s])]);
    if (isRecord(v.params)) for (const s of Object.keys(v.params)) if (s !== 'default') stageNames.push([s, doc.lineOf(['params', s])]);
    const custom = isRecord(v.custom) ? v.custom.stages : undefined;
    if (Array.isArray(custom)) custom.forEach((s, i) => { const n = literal(s); if (n) stageNames.push([n, doc.lineOf(['custom', 'stages', i])]); });
    const providerStage = isRecord(v.provider) ? literal(v.provider.stage) : undefined;
    if (providerStage) stageNames.push([providerStage, doc.lineOf(['provider', 'stage'])]);
    const environments: EnvironmentFact[] = uniq(stageNames.map(([n]) => n)).map((name) => {
      const line = stageNames.find(([n]) => n === name)?.[1];
      return { name, via: 'serverless stage', ...(line ? { line } : {}) };
    });
    return compact({ services, apis, iac, hosting, environments, warnings });
  },
};

/** Docker Compose files: services with their build folder, image, ports, dependencies and environment. */
import type { EnvironmentFact, FileFacts, ImageFact, Reader, ServiceFact } from '../facts.js';
import {
  asString, baseName, compact, envHost, imageName, isEnvironmentName, isRecord, parseYaml, resolveRelative, toPort, uniq,
  type YamlDoc,
} from './util.js';

type EnvHosts = NonNullable<ServiceFact['envHosts']>;

/** "${PORT:-3000}" -> "3000", "${PORT}" -> "": compose interpolation, resolved to its default when it has one. */
function interpolate(s: string): string {
  return s.replace(/\$\{[A-Za-z_]\w*(?::?[-?]([^}]*))?\}/g, (_m, dflt: string | undefined) => dflt ?? '');
}

/** The container port of a short ("8080:80", "127.0.0.1:80:80/tcp", "80") or long ({target: 80}) port entry. */
export function containerPort(entry: unknown): number | undefined {
  if (isRecord(entry)) return toPort(typeof entry.target === 'string' ? interpolate(entry.target) : entry.target);
  if (typeof entry === 'number') return toPort(entry);
  const s = asString(entry);
  if (!s) return undefined;
  const last = interpolate(s).replace(/\/(tcp|udp|sctp)$/i, '').split(':').pop() ?? '';
  return toPort(last); // ranges ("8000-8010") are not single ports: skipped
}

/**
 * Service names from depends_on / links in list or map form; "db:database" links name "db". A service waited
 * for until it has finished (condition: service_completed_successfully, a one-shot migration job) is run
 * before this one, not talked to.
 */
function serviceNames(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => asString(x)?.split(':')[0]).filter((x): x is string => !!x);
  if (isRecord(v)) return Object.entries(v).filter(([, dep]) => !(isRecord(dep) && dep.condition === 'service_completed_successfully')).map(([name]) => name);
  return [];
}

function readEnvironment(doc: YamlDoc, at: (string | number)[], env: unknown, svc: ServiceFact): void {
  const names: string[] = [];
  const hosts: EnvHosts = [];
  const add = (name: string, value: unknown, line?: number) => {
    if (!/^[A-Za-z_][\w.-]*$/.test(name)) return;
    names.push(name);
    const h = envHost(name, typeof value === 'string' ? interpolate(value) : value, line);
    if (h) hosts.push(h);
  };
  if (Array.isArray(env)) {
    env.forEach((item, i) => {
      const s = asString(item);
      if (!s) return;
      const eq = s.indexOf('=');
      add(eq < 0 ? s : s.slice(0, eq), eq < 0 ? undefined : s.slice(eq + 1), doc.lineOf([...at, i]));
    });
  } else if (isRecord(env)) {
    for (const [k, v] of Object.entries(env)) add(k, v, doc.lineOf([...at, k]));
  }
  if (names.length) svc.envNames = uniq([...(svc.envNames ?? []), ...names]);
  if (hosts.length) svc.envHosts = [...(svc.envHosts ?? []), ...hosts];
}

function readService(path: string, doc: YamlDoc, name: string, def: Record<string, unknown>, images: ImageFact[]): ServiceFact {
  const at = ['services', name];
  const svc: ServiceFact = { name, source: 'compose', line: doc.lineOf(at) };
  const image = asString(def.image);
  if (image) {
    svc.image = image;
    const bare = imageName(image);
    if (bare) images.push({ name: bare, ref: image, line: doc.lineOf([...at, 'image']), role: 'runtime' });
  }
  const build = isRecord(def.build) ? asString(def.build.context) ?? '.' : asString(def.build);
  if (build !== undefined) {
    const folder = resolveRelative(path, build);
    if (folder !== undefined) svc.build = folder;
    // build.dockerfile is relative to the context: with context "." it is what says which folder the service is
    const dockerfile = isRecord(def.build) ? asString(def.build.dockerfile) : undefined;
    if (folder !== undefined && dockerfile && !dockerfile.startsWith('/')) {
      // `${X_DOCKERFILE}` is filled from the .env file when the model is built; kept under its context until then
      const file = dockerfile.includes('$') ? `${folder ? folder + '/' : ''}${dockerfile}` : resolveRelative(`${folder ? folder + '/' : ''}x`, dockerfile);
      if (file) svc.dockerfile = file;
    }
  }
  if (Array.isArray(def.volumes)) {
    const mounts: string[] = [];
    for (const v of def.volumes) {
      const source = isRecord(v) ? (v.type === 'bind' ? asString(v.source) : undefined) : asString(v)?.split(':')[0];
      if (!source || !/^\.{1,2}(?:\/|$)/.test(source)) continue;
      const folder = resolveRelative(path, source.replace(/\/+$/, '') || '.');
      if (folder === undefined) continue;
      if (folder === svc.build) svc.mountsContext = true;
      mounts.push(folder);
    }
    if (mounts.length) svc.mounts = mounts;
  }
  // ports publishes to the host, expose only to other services: both are ports the container listens on
  const portEntries = [...(Array.isArray(def.ports) ? def.ports : []), ...(Array.isArray(def.expose) ? def.expose : [])];
  if (portEntries.length) svc.ports = uniq(portEntries.map(containerPort).filter((p): p is number => p !== undefined));
  const published = uniq((Array.isArray(def.ports) ? def.ports : []).map(containerPort).filter((p): p is number => p !== undefined));
  if (published.length) svc.published = published;
  // the other names the compose network resolves to it: a hostname (cart's `hostname: carts`), and network aliases
  const aliases = uniq([def.hostname, ...Object.values(isRecord(def.networks) ? def.networks : {}).flatMap((n) => (isRecord(n) && Array.isArray(n.aliases) ? n.aliases : []))].filter((a): a is string => typeof a === 'string' && /^[\w.-]+$/.test(a) && a !== name));
  if (aliases.length) svc.aliases = aliases;
  const deps = uniq([...serviceNames(def.depends_on), ...serviceNames(def.links)]);
  if (deps.length) svc.dependsOn = deps;
  readEnvironment(doc, [...at, 'environment'], def.environment, svc);
  const envFiles = Array.isArray(def.env_file) ? def.env_file : def.env_file === undefined ? [] : [def.env_file];
  for (const [i, f] of envFiles.entries()) {
    const file = asString(isRecord(f) ? f.path : f);
    const resolved = file === undefined ? undefined : resolveRelative(path, file);
    if (resolved) (svc.envFrom ??= []).push({ kind: 'file', name: resolved, line: doc.lineOf([...at, 'env_file', i]) ?? doc.lineOf([...at, 'env_file']) });
  }
  return compact(svc);
}

/** docker-compose.prod.yml, compose.staging.yaml: an override named after an environment. */
function overrideEnvironment(path: string): string | undefined {
  const m = /^(?:docker-)?compose[.-]([\w-]+)\.ya?ml$/i.exec(baseName(path));
  // docker-compose.test.yml runs a test suite; it is not a place the system is deployed to
  return m && isEnvironmentName(m[1]) && !/^test(ing)?$/i.test(m[1]) ? m[1] : undefined;
}

export const composeReader: Reader = {
  id: 'compose',
  patterns: [/(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const services: ServiceFact[] = [];
    const images: ImageFact[] = [];
    for (const doc of docs) {
      if (!isRecord(doc.value) || !isRecord(doc.value.services)) continue;
      for (const [name, def] of Object.entries(doc.value.services)) {
        if (isRecord(def)) services.push(readService(path, doc, name, def, images));
      }
    }
    const environments: EnvironmentFact[] = [];
    const env = overrideEnvironment(path);
    if (env && services.length) environments.push({ name: env, via: 'compose override', line: 1 });
    return compact({ services, images, environments, warnings });
  },
};

/**
 * Compose files that are not named like one (JHipster's src/main/docker/app.yml, postgresql.yml): a YAML
 * file in a docker folder whose top level is a services map of images or builds.
 */
export const composeInDockerFolderReader: Reader = {
  id: 'compose/docker-folder',
  // (also deploy/docker-compose/quickstart.yaml: a folder of compose files named for what each sets up)
  patterns: [/(^|\/)docker\/(?!(?:docker-)?compose[.-]?)[^/]+\.ya?ml$/i, /(^|\/)(?:docker-)?compose\/[^/]+\.ya?ml$/i],
  sniff: (text) => /^services:[ \t]*(?:#.*)?$/m.test(text) && /^[ \t]+(?:image|build):/m.test(text),
  read: composeReader.read,
};


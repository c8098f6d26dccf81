/**
 * Kamal (config/deploy.yml, the Rails 8 default): the app's service and image, the accessories it runs beside it
 * (databases, caches, as images) and destinations (config/deploy.<destination>.yml). Kamal deploys to any servers,
 * so it names no hosting provider.
 */
import type { FileFacts, ImageFact, Reader, ServiceFact } from '../facts.js';
import { asString, baseName, compact, imageName, isRecord, parseYaml } from './util.js';

/** env: {clear: {A: 1}, secret: [B]} or a plain map: the names only. */
function envNames(env: unknown): string[] {
  if (!isRecord(env)) return [];
  const names: string[] = [];
  const section = (v: unknown) => (Array.isArray(v) ? v.map((x) => asString(x)).filter((x): x is string => !!x) : isRecord(v) ? Object.keys(v) : []);
  if ('clear' in env || 'secret' in env) names.push(...section(env.clear), ...section(env.secret));
  else names.push(...Object.keys(env));
  return names.map((n) => n.split(':')[0]).filter((n) => /^[A-Za-z_]\w*$/.test(n));
}

export const kamalReader: Reader = {
  id: 'kamal',
  patterns: [/(^|\/)config\/deploy(\.[\w-]+)?\.ya?ml$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    const v = doc?.value;
    // a destination file may only override; the base file has both service and image
    const destination = /^deploy\.([\w-]+)\.ya?ml$/.exec(baseName(path))?.[1];
    if (!doc || !isRecord(v) || (!destination && !(typeof v.service === 'string' && 'image' in v))) return compact({ warnings });
    if (!destination && !('servers' in v || 'proxy' in v || 'registry' in v || 'accessories' in v)) return compact({ warnings });
    const services: ServiceFact[] = [];
    const images: ImageFact[] = [];
    const service = asString(v.service);
    if (service) {
      services.push(compact({ name: service, source: 'kamal', image: asString(v.image), envNames: envNames(v.env), line: doc.lineOf(['service']) }));
    }
    const accessories = isRecord(v.accessories) ? v.accessories : {};
    for (const [name, acc] of Object.entries(accessories)) {
      const ref = isRecord(acc) ? asString(acc.image) : undefined;
      const line = doc.lineOf(['accessories', name]);
      services.push(compact({ name, source: 'kamal', image: ref, envNames: isRecord(acc) ? envNames(acc.env) : [], line }));
      const bare = ref ? imageName(ref) : undefined;
      if (ref && bare) images.push({ name: bare, ref, line: doc.lineOf(['accessories', name, 'image']), role: 'runtime' });
    }
    return compact({ services, images, environments: destination ? [{ name: destination, via: 'kamal destination', line: 1 }] : [], warnings });
  },
};

/** Kustomize: kustomization.yaml resources and bases; overlays name environments. */
import type { FileFacts, Reader } from '../facts.js';
import { asString, baseName, compact, dirName, isEnvironmentName, isRecord, parseYaml, resolveRelative } from './util.js';

/** overlays/<env>/kustomization.yaml, or a kustomization with namePrefix in a folder named after an environment. */
function overlayEnvironment(path: string, value: Record<string, unknown>): string | undefined {
  const folder = dirName(path);
  const overlay = /(^|\/)overlays\/([^/]+)$/.exec(folder);
  if (overlay) return overlay[2];
  const name = baseName(folder);
  if ((value.namePrefix !== undefined || value.nameSuffix !== undefined) && isEnvironmentName(name)) return name;
  return undefined;
}

export const kustomizeReader: Reader = {
  id: 'kustomize',
  fileNames: ['kustomization.yaml', 'kustomization.yml', 'Kustomization'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value)) return compact({ warnings });
    const value = doc.value;
    const includes: NonNullable<FileFacts['includes']> = [];
    for (const key of ['resources', 'bases', 'components']) {
      const list = value[key];
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        const ref = asString(entry);
        const resolved = ref === undefined ? undefined : resolveRelative(path, ref);
        if (resolved !== undefined) includes.push({ path: resolved, line: doc.lineOf([key, i]) });
      });
    }
    const env = overlayEnvironment(path, value);
    return compact({
      includes,
      hosting: [{ provider: 'Kubernetes', via: 'kustomization', line: 1 }],
      environments: env ? [{ name: env, via: 'kustomize overlay', line: 1 }] : [],
      warnings,
    });
  },
};

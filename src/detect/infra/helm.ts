/** Helm: Chart.yaml (the chart and its dependencies) and values*.yaml (images; values-<env>.yaml environments). */
import type { FileFacts, ImageFact, Reader } from '../facts.js';
import { asString, baseName, compact, imageName, isEnvironmentName, isRecord, parseYaml, type YamlDoc, type YamlPath } from './util.js';

export const helmChartReader: Reader = {
  id: 'helm-chart',
  fileNames: ['Chart.yaml', 'Chart.yml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value)) return compact({ warnings });
    const chart = doc.value;
    const name = asString(chart.name);
    const helmDependencies: NonNullable<FileFacts['helmDependencies']> = [];
    if (Array.isArray(chart.dependencies)) {
      chart.dependencies.forEach((d, i) => {
        const dep = isRecord(d) ? asString(d.name) : undefined;
        if (!dep || !isRecord(d)) return;
        const repository = asString(d.repository);
        const version = asString(d.version);
        helmDependencies.push({ name: dep, ...(repository ? { repository } : {}), ...(version ? { version } : {}), line: doc.lineOf(['dependencies', i]) });
      });
    }
    const isLibrary = chart.type === 'library';
    return compact({
      services: name && !isLibrary ? [{ name, source: 'helm', line: doc.lineOf(['name']) }] : [],
      helmDependencies,
      hosting: name ? [{ provider: 'Kubernetes', via: 'helm chart', line: doc.lineOf(['name']) }] : [],
      warnings,
    });
  },
};

/** `image: "nginx:1.25"`, or `image: {registry, repository, tag}` as most charts write it. */
function collectImages(doc: YamlDoc, v: unknown, path: YamlPath, out: ImageFact[], depth = 0): void {
  if (depth > 12) return;
  if (Array.isArray(v)) return v.forEach((x, i) => collectImages(doc, x, [...path, i], out, depth + 1));
  if (!isRecord(v)) return;
  for (const [k, x] of Object.entries(v)) {
    const at = [...path, k];
    if (/^image$/i.test(k) && typeof x === 'string') {
      const name = imageName(x);
      if (name) out.push({ name, ref: x, line: doc.lineOf(at), role: 'runtime' });
    } else if (/^image$/i.test(k) && isRecord(x) && typeof x.repository === 'string' && x.repository) {
      const tag = asString(x.tag);
      const registry = asString(x.registry);
      const ref = `${registry ? registry + '/' : ''}${x.repository}${tag ? ':' + tag : ''}`;
      const name = imageName(`${x.repository}`);
      if (name) out.push({ name, ref, line: doc.lineOf([...at, 'repository']), role: 'runtime' });
    } else {
      collectImages(doc, x, at, out, depth + 1);
    }
  }
}

export const helmValuesReader: Reader = {
  id: 'helm-values',
  patterns: [/(^|\/)values([.-][\w.-]+)?\.ya?ml$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const images: ImageFact[] = [];
    for (const doc of docs) collectImages(doc, doc.value, [], images);
    const env = /^values[.-]([\w-]+)\.ya?ml$/.exec(baseName(path))?.[1];
    return compact({
      images,
      environments: env && isEnvironmentName(env) ? [{ name: env, via: 'helm values', line: 1 }] : [],
      warnings,
    });
  },
};

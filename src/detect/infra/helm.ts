/** Helm: Chart.yaml (the chart and its dependencies) and values*.yaml (images; values-<env>.yaml environments). */
import type { FileFacts, ImageFact, Reader } from '../facts.js';
import { asString, baseName, compact, imageName, isEnvironmentName, isRecord, parseYaml, type YamlDoc, type YamlPath } from './util.js';

/** `dependencies:` of a Chart.yaml (apiVersion v2) or a requirements.yaml (Helm 2 charts). */
function chartDependencies(doc: YamlDoc, list: unknown): NonNullable<FileFacts['helmDependencies']> {
  const out: NonNullable<FileFacts['helmDependencies']> = [];
  if (!Array.isArray(list)) return out;
  list.forEach((d, i) => {
    const name = isRecord(d) ? asString(d.name) : undefined;
    if (!name || !isRecord(d)) return;
    const repository = asString(d.repository);
    const version = asString(d.version);
    out.push({ name, ...(repository ? { repository } : {}), ...(version ? { version } : {}), line: doc.lineOf(['dependencies', i]) });
  });
  return out;
}

export const helmRequirementsReader: Reader = {
  id: 'helm-requirements',
  fileNames: ['requirements.yaml', 'requirements.yml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value)) return compact({ warnings });
    return compact({ helmDependencies: chartDependencies(doc, doc.value.dependencies), warnings });
  },
};

export const helmChartReader: Reader = {
  id: 'helm-chart',
  fileNames: ['Chart.yaml', 'Chart.yml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value)) return compact({ warnings });
    const chart = doc.value;
    const name = asString(chart.name);
    const helmDependencies = chartDependencies(doc, chart.dependencies);
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

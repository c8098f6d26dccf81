/** Google App Engine app.yaml: a `runtime:` App Engine knows, and no Kubernetes apiVersion/kind. */
import type { FileFacts, Reader } from '../facts.js';
import { asString, compact, isRecord, parseYaml } from './util.js';

const RUNTIME = /^(python|nodejs|go|java|php|ruby|dotnet|aspnetcore|custom)\d*$/;

export const appEngineReader: Reader = {
  id: 'app-engine',
  fileNames: ['app.yaml', 'app.yml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    const v = doc?.value;
    if (!doc || !isRecord(v) || 'apiVersion' in v || 'kind' in v) return compact({ warnings });
    const runtime = asString(v.runtime);
    if (!runtime || !RUNTIME.test(runtime)) return compact({ warnings });
    const name = asString(v.service) ?? asString(v.module) ?? 'default';
    return compact({
      services: [{ name, source: 'app.yaml', line: doc.lineOf(['service']) ?? doc.lineOf(['runtime']) }],
      hosting: [{ provider: 'Google Cloud', via: 'app.yaml (App Engine)', line: doc.lineOf(['runtime']) }],
      warnings,
    });
  },
};

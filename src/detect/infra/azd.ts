/** Azure Developer CLI azure.yaml: services, the folder each is built from, and the Azure host that runs it. */
import type { FileFacts, Reader, ServiceFact } from '../facts.js';
import { asString, compact, isRecord, lookup, parseYaml, resolveRelative } from './util.js';

const HOST_KIND: Record<string, ServiceFact['kind']> = {
  function: 'function',
  staticwebapp: 'frontend',
  containerapp: 'service',
  appservice: 'service',
  aks: 'service',
};

export const azdReader: Reader = {
  id: 'azd',
  fileNames: ['azure.yaml', 'azure.yml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    const v = doc?.value;
    if (!doc || !isRecord(v) || !isRecord(v.services)) return compact({ warnings });
    const services: ServiceFact[] = [];
    for (const [name, def] of Object.entries(v.services)) {
      if (!isRecord(def)) continue;
      const project = asString(def.project);
      const host = asString(def.host);
      services.push(compact({
        name,
        source: 'azd',
        kind: lookup(HOST_KIND, host),
        build: project ? resolveRelative(path, project) : undefined,
        line: doc.lineOf(['services', name]),
      }));
    }
    if (!services.length) return compact({ warnings });
    return compact({ services, hosting: [{ provider: 'Azure', via: 'azure.yaml (azd)', line: doc.lineOf(['services']) }], warnings });
  },
};

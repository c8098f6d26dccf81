/** Azure Developer CLI azure.yaml: services, the folder each is built from, and the Azure host that runs it. */
import type { FileFacts, HostingFact, Reader, ServiceFact } from '../facts.js';
import { asString, compact, isRecord, lookup, parseYaml, resolveRelative } from './util.js';

/** azd's `host:` values: what kind of part each runs, and the Azure service azd deploys it to. */
const HOSTS: Record<string, { kind: ServiceFact['kind']; platform: string }> = {
  function: { kind: 'function', platform: 'Azure Functions' },
  staticwebapp: { kind: 'frontend', platform: 'Azure Static Web Apps' },
  containerapp: { kind: 'service', platform: 'Azure Container Apps' },
  appservice: { kind: 'service', platform: 'Azure App Service' },
  aks: { kind: 'service', platform: 'Azure Kubernetes Service' },
  springapp: { kind: 'service', platform: 'Azure Spring Apps' },
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
    const hosting: HostingFact[] = [];
    for (const [name, def] of Object.entries(v.services)) {
      if (!isRecord(def)) continue;
      const project = asString(def.project);
      const host = asString(def.host);
      const known = lookup(HOSTS, host?.toLowerCase());
      services.push(compact({
        name,
        source: 'azd',
        kind: known?.kind,
        build: project ? resolveRelative(path, project) : undefined,
        line: doc.lineOf(['services', name]),
      }));
      if (known) hosting.push({ provider: known.platform, via: `azd service ${name} host: ${host}`, line: doc.lineOf(['services', name, 'host']) });
    }
    if (!services.length) return compact({ warnings });
    if (!hosting.length) hosting.push({ provider: 'Azure', via: 'azure.yaml (azd)', line: doc.lineOf(['services']) });
    return compact({ services, hosting, warnings });
  },
};

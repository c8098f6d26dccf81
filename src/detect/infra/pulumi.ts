/** Pulumi: Pulumi.yaml (the project and its runtime) and Pulumi.<stack>.yaml (a stack = an environment). */
import type { FileFacts, HostingFact, IacFact, Reader } from '../facts.js';
import { asString, baseName, compact, isRecord, lookup, parseYaml } from './util.js';

/** Stack config keys are namespaced by provider ("aws:region"): the namespace says where resources go. */
const CONFIG_HOSTING: Record<string, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
  'azure-native': 'Azure',
  digitalocean: 'DigitalOcean',
  cloudflare: 'Cloudflare',
  kubernetes: 'Kubernetes',
};

export const pulumiReader: Reader = {
  id: 'pulumi',
  patterns: [/(^|\/)Pulumi(\.[\w-]+)?\.ya?ml$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value)) return compact({ warnings });
    const stack = /^Pulumi\.([\w-]+)\.ya?ml$/.exec(baseName(path))?.[1];
    if (!stack) {
      const runtime = isRecord(doc.value.runtime) ? asString(doc.value.runtime.name) : asString(doc.value.runtime);
      const name = asString(doc.value.name);
      const iac: IacFact[] = [{ tool: 'pulumi', kind: 'project', type: runtime ?? 'pulumi', ...(name ? { name } : {}), line: doc.lineOf(['runtime']) ?? 1 }];
      // a YAML program declares its resources inline: `bucket: {type: aws:s3:Bucket}`
      const hosting: HostingFact[] = [];
      const resources = isRecord(doc.value.resources) ? doc.value.resources : {};
      for (const [id, res] of Object.entries(resources)) {
        const type = isRecord(res) ? asString(res.type) : undefined;
        if (!type) continue;
        const line = doc.lineOf(['resources', id]);
        iac.push({ tool: 'pulumi', kind: 'resource', type, name: id, line });
        const provider = lookup(CONFIG_HOSTING, type.split(':')[0]);
        if (provider && !hosting.some((h) => h.provider === provider)) hosting.push({ provider, via: 'pulumi resource', line });
      }
      return compact({ iac, hosting, warnings });
    }
    const hosting: HostingFact[] = [];
    const config = doc.value.config;
    if (isRecord(config)) {
      for (const key of Object.keys(config)) {
        const provider = lookup(CONFIG_HOSTING, key.split(':')[0]);
        if (key.includes(':') && provider && !hosting.some((h) => h.provider === provider)) {
          hosting.push({ provider, via: 'pulumi stack config', line: doc.lineOf(['config', key]) });
        }
      }
    }
    return compact({ environments: [{ name: stack, via: 'pulumi stack', line: 1 }], hosting, warnings });
  },
};

/** OpenAPI 3 / Swagger 2 documents, YAML or JSON: each path + method is a REST operation the project defines. */
import type { FileFacts, Reader } from '../facts.js';
import { entries, get, isMapNode, parseYamlFile, str } from '../ci/yaml-nodes.js';
import { ApiCollector, isNonProductCode } from './collect.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** A top-level `openapi:`/`swagger:` key (YAML) or property (JSON); cheap enough for every .yaml/.json. */
export function looksLikeOpenApi(text: string): boolean {
  return /^["']?(?:openapi|swagger)["']?\s*:/m.test(text) || /^\s*\{[\s\S]{0,2000}?"(?:openapi|swagger)"\s*:\s*"\d/.test(text);
}

export const openApiReader: Reader = {
  id: 'source/openapi',
  claims: (path) => !isNonProductCode(path, { keepDocs: true }),
  extensions: ['.yaml', '.yml', '.json'],
  sniff: looksLikeOpenApi,
  read(path, text): Omit<FileFacts, 'path'> {
    const out = new ApiCollector(path);
    const yaml = parseYamlFile(path, text);
    const doc = yaml.docs[0];
    if (!doc || !isMapNode(doc.contents, doc)) return yaml.warnings.length ? { warnings: yaml.warnings } : {};
    const root = doc.contents;
    const version = str(get(root, 'openapi', doc), doc) ?? str(get(root, 'swagger', doc), doc);
    // A top-level `openapi:` whose value is not a version (a config key) is not a spec.
    if (!version || !/^\d/.test(version)) return {};
    const titleNode = get(get(root, 'info', doc), 'title', doc);
    out.add('OpenAPI', str(titleNode, doc) ?? path, 'defines', yaml.lineOf(titleNode) ?? 1);
    for (const p of entries(get(root, 'paths', doc), doc)) {
      if (!p.key.startsWith('/')) continue;
      for (const op of entries(p.value, doc)) {
        if (METHODS.has(op.key.toLowerCase())) out.add('REST', `${op.key.toUpperCase()} ${p.key}`, 'defines', yaml.lineOf(op.keyNode));
      }
    }
    const result = out.result();
    if (yaml.warnings.length) result.warnings = [...(result.warnings ?? []), ...yaml.warnings];
    return result;
  },
};

/** netlify.toml: Netlify hosting; [context.<name>] tables are deploy contexts (production, deploy-preview, a branch). */
import type { FileFacts, Reader } from '../facts.js';
import { compact, escapeRegExp, isRecord, lineOfText, parseTomlText } from './util.js';

export const netlifyReader: Reader = {
  id: 'netlify',
  fileNames: ['netlify.toml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { value, warnings } = parseTomlText(path, text);
    if (!value) return compact({ warnings });
    const contexts = isRecord(value.context) ? Object.keys(value.context) : [];
    // a Netlify site that builds the documentation (mkdocs into docs/site) hosts the docs, not the system
    if (buildsDocs(value.build)) return compact({ warnings });
    return compact({
      hosting: [{ provider: 'Netlify', via: 'netlify.toml', line: 1 }],
      environments: contexts.map((name) => ({ name, via: 'netlify context', line: lineOfText(text, new RegExp(`^[ \\t]*\\[+\\s*context\\.["']?${escapeRegExp(name)}\\b`, 'm')) })),
      warnings,
    });
  },
};

const DOCS_FOLDER = /^(?:\.\/)?(?:docs?|documentation|website)(?:\/|$)/;
const DOCS_TOOL = /\b(?:mkdocs|sphinx-build|docusaurus|vitepress|vuepress|mdbook|jekyll|antora|typedoc|docsify)\b|\bcd\s+(?:docs?|documentation|website)\b/;

function buildsDocs(build: unknown): boolean {
  if (!isRecord(build)) return false;
  const text = (key: string) => (typeof build[key] === 'string' ? (build[key] as string) : '');
  return DOCS_FOLDER.test(text('base')) || DOCS_FOLDER.test(text('publish')) || DOCS_TOOL.test(text('command'));
}

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
    return compact({
      hosting: [{ provider: 'Netlify', via: 'netlify.toml', line: 1 }],
      environments: contexts.map((name) => ({ name, via: 'netlify context', line: lineOfText(text, new RegExp(`^[ \\t]*\\[+\\s*context\\.["']?${escapeRegExp(name)}\\b`, 'm')) })),
      warnings,
    });
  },
};

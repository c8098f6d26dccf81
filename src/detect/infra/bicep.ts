/** Azure Bicep (*.bicep): resource types and modules; Azure resources mean Azure hosting. */
import type { FileFacts, IacFact, Reader } from '../facts.js';
import { compact } from './util.js';

/** Blanks comments and multi-line ''' strings, keeping line breaks so line numbers hold. */
function stripComments(text: string): string {
  // unclosed ''' and /* run to the end: a failing lazy scan was repeated from every later opener (quadratic)
  return text.replace(/'''[\s\S]*?(?:'''|$)|'(?:\\.|[^'\\\n])*'|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, (m) =>
    m.startsWith("'") && !m.startsWith("'''") ? m : m.replace(/[^\n]/g, ' '),
  );
}

export const bicepReader: Reader = {
  id: 'bicep',
  extensions: ['.bicep'],
  read(_path: string, text: string): Omit<FileFacts, 'path'> {
    const iac: IacFact[] = [];
    stripComments(text).split('\n').forEach((line, i) => {
      // `existing` only references a resource made elsewhere, like a Terraform data source
      const res = /^\s*resource\s+(\w+)\s+'([A-Za-z][\w.]*\/[\w./-]+)@[^']*'\s+(existing\s*)?=/.exec(line);
      if (res && !res[3]) iac.push({ tool: 'bicep', kind: 'resource', type: res[2], name: res[1], line: i + 1 });
      const mod = /^\s*module\s+(\w+)\s+'([^']+)'\s*=/.exec(line);
      if (mod) iac.push({ tool: 'bicep', kind: 'module', type: mod[2], name: mod[1], line: i + 1 });
    });
    const azure = iac.find((f) => f.kind === 'resource' && /^Microsoft\./i.test(f.type));
    return compact({ iac, hosting: azure ? [{ provider: 'Azure', via: 'bicep resource', line: azure.line }] : [] });
  },
};

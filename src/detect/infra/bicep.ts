/** Azure Bicep (*.bicep): resource types and modules; Azure resources and Azure Verified Modules mean Azure hosting. */
import type { FileFacts, IacFact, Reader } from '../facts.js';
import { compact } from './util.js';

/** Blanks comments and multi-line ''' strings, keeping line breaks so line numbers hold. */
function stripComments(text: string): string {
  // unclosed ''' and /* run to the end: a failing lazy scan was repeated from every later opener (quadratic)
  return text.replace(/'''[\s\S]*?(?:'''|$)|'(?:\\.|[^'\\\n])*'|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, (m) =>
    m.startsWith("'") && !m.startsWith("'''") ? m : m.replace(/[^\n]/g, ' '),
  );
}

/** A module from the public Azure Verified Modules registry deploys Azure resources, like a Microsoft.* resource. */
const AZURE_VERIFIED_MODULE = /^br(?:\/public:|:mcr\.microsoft\.com\/bicep\/)avm\//i;

export const bicepReader: Reader = {
  id: 'bicep',
  extensions: ['.bicep'],
  read(_path: string, text: string): Omit<FileFacts, 'path'> {
    const iac: IacFact[] = [];
    const lines = stripComments(text).split('\n');
    // `= if (useAPIM)` deploys it only when a parameter says so: an option of the template, not the system
    // (the `if` may open the next line)
    const conditional = (rest: string, i: number) => {
      let j = i + 1;
      if (!rest.trim()) while (j < lines.length && !lines[j].trim()) j++;
      return /^\s*if\b/.test(rest.trim() ? rest : (lines[j] ?? '')) ? { conditional: true as const } : {};
    };
    lines.forEach((line, i) => {
      // `existing` only references a resource made elsewhere, like a Terraform data source
      const res = /^\s*resource\s+(\w+)\s+'([A-Za-z][\w.]*\/[\w./-]+)@[^']*'\s+(existing\s*)?=(.*)/.exec(line);
      if (res && !res[3]) iac.push({ tool: 'bicep', kind: 'resource', type: res[2], name: res[1], line: i + 1, ...conditional(res[4], i) });
      const mod = /^\s*module\s+(\w+)\s+'([^']+)'\s*=(.*)/.exec(line);
      if (mod) iac.push({ tool: 'bicep', kind: 'module', type: mod[2], name: mod[1], line: i + 1, ...conditional(mod[3], i) });
    });
    const azure = iac.find((f) => (f.kind === 'resource' && /^Microsoft\./i.test(f.type)) || (f.kind === 'module' && AZURE_VERIFIED_MODULE.test(f.type)));
    return compact({ iac, hosting: azure ? [{ provider: 'Azure', via: `bicep ${azure.kind}`, line: azure.line }] : [] });
  },
};

/** AWS CDK: cdk.json marks an AWS CDK app. */
import type { FileFacts, Reader } from '../facts.js';
import { asString, compact, isRecord, parseJson } from './util.js';

export const cdkReader: Reader = {
  id: 'cdk',
  fileNames: ['cdk.json'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { value, warnings } = parseJson(path, text);
    if (!isRecord(value)) return compact({ warnings });
    const app = asString(value.app);
    return compact({
      iac: [{ tool: 'cdk' as const, kind: 'project' as const, type: 'aws', ...(app ? { name: app } : {}), line: 1 }],
      hosting: [{ provider: 'AWS', via: 'cdk.json', line: 1 }],
      warnings,
    });
  },
};

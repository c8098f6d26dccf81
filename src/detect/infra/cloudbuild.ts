/** Google Cloud Build: where its steps deploy (Cloud Run, App Engine, Cloud Functions, GKE). */
import type { FileFacts, HostingFact, Reader } from '../facts.js';
import { asString, compact, isRecord, parseYaml } from './util.js';

const TARGETS: [RegExp, string][] = [
  [/\bgcloud\b.*\brun\s+(deploy|services\s+(update|replace))\b/, 'Cloud Run'],
  [/\bgcloud\b.*\bapp\s+deploy\b/, 'App Engine'],
  [/\bgcloud\b.*\bfunctions\s+deploy\b/, 'Cloud Functions'],
  [/\bgke-deploy\b|\bgcloud\b.*\bcontainer\s+clusters\s+get-credentials\b/, 'GKE'],
];

export const cloudBuildReader: Reader = {
  id: 'cloudbuild',
  patterns: [/(^|\/)cloudbuild([.-][\w.-]+)?\.(ya?ml|json)$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value) || !Array.isArray(doc.value.steps)) return compact({ warnings });
    const hosting: HostingFact[] = [];
    doc.value.steps.forEach((step, i) => {
      if (!isRecord(step)) return;
      const args = Array.isArray(step.args) ? step.args.map((a) => asString(a) ?? '') : [];
      const command = [asString(step.name) ?? '', asString(step.entrypoint) ?? '', ...args, asString(step.script) ?? ''].join(' ');
      for (const [re, target] of TARGETS) {
        const via = `cloudbuild (${target})`;
        if (re.test(command) && !hosting.some((h) => h.via === via)) hosting.push({ provider: 'Google Cloud', via, line: doc.lineOf(['steps', i]) });
      }
    });
    return compact({ hosting, warnings });
  },
};

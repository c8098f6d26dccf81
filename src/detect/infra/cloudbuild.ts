/** Google Cloud Build: a CI pipeline of its own, and where its steps deploy (Cloud Run, App Engine, Cloud Functions, GKE). */
import { PipelineSignals } from '../ci/signals.js';
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
    const signals = new PipelineSignals();
    doc.value.steps.forEach((step, i) => {
      if (!isRecord(step)) return;
      const args = Array.isArray(step.args) ? step.args.map((a) => asString(a) ?? '') : [];
      const command = [asString(step.name) ?? '', asString(step.entrypoint) ?? '', ...args, asString(step.script) ?? ''].join(' ');
      for (const [re, target] of TARGETS) {
        const via = `cloudbuild (${target})`;
        if (re.test(command) && !hosting.some((h) => h.via === via)) hosting.push({ provider: 'Google Cloud', via, line: doc.lineOf(['steps', i]) });
      }
      // a step runs its builder image's tool (gcr.io/cloud-builders/docker) with the args, or its entrypoint
      const tool = asString(step.entrypoint) ?? (asString(step.name) ?? '').replace(/[:@].*$/, '').split('/').pop() ?? '';
      const script = asString(step.script);
      const id = asString(step.id);
      signals.addJob({ names: id ? [id] : [], commands: [[tool, ...args].join(' '), ...(script ? [script] : [])], context: text });
    });
    // images listed at the top are pushed when the build succeeds
    if (Array.isArray(doc.value.images) && doc.value.images.length) signals.addJob({ pushesImage: true, commands: doc.value.images.map((i) => asString(i) ?? ''), context: text });
    const pipelines = [signals.toFact('Cloud Build', path.slice(path.lastIndexOf('/') + 1), 1)];
    return compact({ hosting, pipelines, warnings });
  },
};

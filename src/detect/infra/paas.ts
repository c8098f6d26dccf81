/**
 * Platform files whose presence is the fact: vercel.json, railway.json, amplify.yml, apprunner.yaml,
 * appspec.yml, Elastic Beanstalk (.ebextensions, Dockerrun.aws.json). Malformed files still warn.
 */
import type { FileFacts, ImageFact, Reader } from '../facts.js';
import { asString, baseName, compact, imageName, isRecord, parseJson, parseTomlText, parseYaml } from './util.js';

function parseAny(path: string, text: string): { value?: unknown; warnings: NonNullable<FileFacts['warnings']> } {
  if (/\.json$/.test(path)) return parseJson(path, text);
  if (/\.toml$/.test(path)) return parseTomlText(path, text);
  const { docs, warnings } = parseYaml(path, text);
  return { value: docs[0]?.value, warnings };
}

/** A reader that says "hosted on <provider>" when the file exists and parses as an object (`accept` refines). */
function presence(id: string, names: { fileNames?: string[]; patterns?: RegExp[] }, provider: string, via: (path: string) => string, accept?: (v: Record<string, unknown>) => boolean): Reader {
  return {
    id,
    ...names,
    read(path: string, text: string): Omit<FileFacts, 'path'> {
      const { value, warnings } = parseAny(path, text);
      if (warnings.length) return { warnings };
      if (value !== undefined && !isRecord(value)) return {};
      if (accept && !accept(value ?? {})) return {};
      return { hosting: [{ provider, via: via(path), line: 1 }] };
    },
  };
}

export const vercelReader = presence('vercel', { fileNames: ['vercel.json', 'now.json'] }, 'Vercel', (p) => baseName(p));
export const railwayReader = presence('railway', { fileNames: ['railway.json', 'railway.toml'] }, 'Railway', (p) => baseName(p));
/** amplify.yml is also the build spec Amplify Hosting runs on every push: a pipeline that builds and deploys. */
export const amplifyReader: Reader = {
  id: 'amplify',
  fileNames: ['amplify.yml', 'amplify.yaml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const facts = presence('amplify', {}, 'AWS', () => 'amplify.yml (AWS Amplify)').read(path, text);
    if (!facts.hosting) return facts;
    const { value } = parseAny(path, text);
    const phases = JSON.stringify(value ?? {});
    const stages: NonNullable<FileFacts['pipelines']>[number]['stages'] = /"(?:pre)?[Bb]uild"/.test(phases) ? ['build', 'deploy'] : ['deploy'];
    if (/"test"\s*:/.test(phases)) stages.unshift('test');
    return { ...facts, pipelines: [{ system: 'AWS Amplify', name: baseName(path), stages, deployTargets: ['AWS Amplify'], line: 1 }] };
  },
};
export const appRunnerReader = presence('apprunner', { fileNames: ['apprunner.yaml', 'apprunner.yml'] }, 'AWS', () => 'apprunner.yaml (AWS App Runner)', (v) => 'runtime' in v || 'run' in v);
export const appSpecReader = presence('codedeploy-appspec', { fileNames: ['appspec.yml', 'appspec.yaml', 'appspec.json'] }, 'AWS', () => 'appspec.yml (AWS CodeDeploy)', (v) => 'version' in v && ('hooks' in v || 'files' in v || 'Resources' in v));
export const elasticBeanstalkReader = presence(
  'elastic-beanstalk',
  { patterns: [/(^|\/)\.ebextensions\/[^/]+\.config$/, /(^|\/)\.elasticbeanstalk\/config\.ya?ml$/] },
  'AWS',
  () => 'Elastic Beanstalk config',
);

/** Dockerrun.aws.json: Elastic Beanstalk's Docker platform; v2 lists containers with their images. */
export const dockerrunReader: Reader = {
  id: 'dockerrun',
  fileNames: ['Dockerrun.aws.json'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { value, warnings } = parseJson(path, text);
    if (!isRecord(value)) return compact({ warnings });
    const images: ImageFact[] = [];
    const defs = Array.isArray(value.containerDefinitions) ? value.containerDefinitions : isRecord(value.Image) ? [{ image: value.Image.Name }] : [];
    for (const d of defs) {
      const ref = isRecord(d) ? asString(d.image) : undefined;
      const name = ref ? imageName(ref) : undefined;
      if (ref && name) images.push({ name, ref, role: 'runtime' });
    }
    return compact({ images, hosting: [{ provider: 'AWS', via: 'Dockerrun.aws.json (Elastic Beanstalk)', line: 1 }], warnings });
  },
};

/** Skaffold: the images it builds (and from which folder) and its profiles. */
import type { FileFacts, Reader, ServiceFact } from '../facts.js';
import { asString, compact, isEnvironmentName, isRecord, parseYaml, resolveRelative } from './util.js';

export const skaffoldReader: Reader = {
  id: 'skaffold',
  patterns: [/(^|\/)skaffold([.-][\w.-]+)?\.ya?ml$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const services: ServiceFact[] = [];
    const environments: NonNullable<FileFacts['environments']> = [];
    let isSkaffold = false;
    for (const doc of docs) {
      const v = doc.value;
      if (!isRecord(v) || !/^skaffold\//.test(asString(v.apiVersion) ?? '')) continue;
      isSkaffold = true;
      const artifacts = isRecord(v.build) ? v.build.artifacts : undefined;
      if (Array.isArray(artifacts)) {
        artifacts.forEach((a, i) => {
          const image = isRecord(a) ? asString(a.image) : undefined;
          if (!image || !isRecord(a)) return;
          const build = resolveRelative(path, asString(a.context) ?? '.');
          const dockerfileRef = isRecord(a.docker) ? asString(a.docker.dockerfile) : undefined;
          // docker.dockerfile is relative to the artifact's context
          const dockerfile = build !== undefined && dockerfileRef ? resolveRelative(`${build ? build + '/' : ''}x`, dockerfileRef) : undefined;
          services.push(compact({ name: image, source: 'skaffold', image, build, dockerfile, line: doc.lineOf(['build', 'artifacts', i]) }));
        });
      }
      if (Array.isArray(v.profiles)) {
        v.profiles.forEach((p, i) => {
          const name = isRecord(p) ? asString(p.name) : undefined;
          // profiles are often tool switches (debug, gcb); only environment names count
          if (name && isEnvironmentName(name) && !environments.some((e) => e.name === name)) environments.push({ name, via: 'skaffold profile', line: doc.lineOf(['profiles', i]) });
        });
      }
    }
    const hosting = isSkaffold ? [{ provider: 'Kubernetes', via: 'skaffold.yaml', line: 1 }] : [];
    return compact({ services, environments, hosting, warnings });
  },
};

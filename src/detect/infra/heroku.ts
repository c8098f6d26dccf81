/** Heroku: app.json (add-ons, buildpacks) and heroku.yml (Docker builds, processes, add-ons). */
import type { AddonFact, FileFacts, Reader, ServiceFact } from '../facts.js';
import { asString, compact, escapeRegExp, isRecord, lineOfText, parseJson, parseYaml, resolveRelative } from './util.js';
import { processKind } from './procfile.js';

/** "heroku-postgresql:hobby-dev" or {plan: "heroku-redis:mini"} -> "heroku-postgresql". */
function addonName(a: unknown): string | undefined {
  const s = asString(isRecord(a) ? a.plan : a);
  return s ? s.split(':')[0] : undefined;
}

/** app.json is also Expo's and React Native's config name: only Heroku's keys make it Heroku's. */
function isHerokuAppJson(v: Record<string, unknown>): boolean {
  if ('expo' in v || 'displayName' in v) return false;
  return ['addons', 'buildpacks', 'formation'].some((k) => k in v) || /^heroku-/.test(asString(v.stack) ?? '');
}

export const herokuAppJsonReader: Reader = {
  id: 'heroku-app-json',
  fileNames: ['app.json'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { value, warnings } = parseJson(path, text);
    if (!isRecord(value) || !isHerokuAppJson(value)) return compact({ warnings });
    const addons: AddonFact[] = [];
    for (const a of Array.isArray(value.addons) ? value.addons : []) {
      const name = addonName(a);
      if (name) addons.push({ name, via: 'app.json (Heroku deploy button)', line: lineOfText(text, new RegExp(`"${escapeRegExp(name)}[:"]`)) });
    }
    // app.json is what Heroku's deploy button reads: the project can be deployed there, not that it is
    return compact({ hosting: [{ provider: 'Heroku', via: 'app.json (Heroku deploy button)', line: 1 }], addons, warnings });
  },
};

export const herokuYmlReader: Reader = {
  id: 'heroku-yml',
  fileNames: ['heroku.yml'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { docs, warnings } = parseYaml(path, text);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value)) return compact({ warnings });
    const v = doc.value;
    const services: ServiceFact[] = [];
    const docker = isRecord(v.build) && isRecord(v.build.docker) ? v.build.docker : {};
    const run = isRecord(v.run) ? v.run : {};
    for (const name of new Set([...Object.keys(docker), ...Object.keys(run)])) {
      const dockerfile = asString(isRecord(docker[name]) ? (docker[name] as Record<string, unknown>).dockerfile : docker[name]);
      const folder = dockerfile ? resolveRelative(path, dockerfile.includes('/') ? dockerfile.slice(0, dockerfile.lastIndexOf('/')) : '.') : undefined;
      const kind = processKind(name);
      services.push(compact({ name, source: 'heroku.yml', kind, build: folder, line: doc.lineOf(['run', name]) ?? doc.lineOf(['build', 'docker', name]) }));
    }
    const addons: AddonFact[] = [];
    const setupAddons = isRecord(v.setup) && Array.isArray(v.setup.addons) ? v.setup.addons : [];
    setupAddons.forEach((a, i) => {
      const name = addonName(a);
      if (name) addons.push({ name, via: 'heroku.yml', line: doc.lineOf(['setup', 'addons', i]) });
    });
    return compact({ services, addons, hosting: [{ provider: 'Heroku', via: 'heroku.yml', line: 1 }], warnings });
  },
};

/**
 * Procfile: Heroku-style process types. Dokku, Railway and others read Procfiles too, so a Procfile alone
 * names processes but never a hosting provider (app.json / heroku.yml do that).
 */
import type { FileFacts, Reader, ServiceFact } from '../facts.js';
import { roleOf } from '../../scan/classify.js';
import { resolveRelative } from './util.js';

/** web serves traffic, release runs once per deploy, workers and clocks run in the background. */
export function processKind(name: string): ServiceFact['kind'] {
  const n = name.toLowerCase();
  if (n === 'web') return 'service';
  if (n === 'release') return 'job';
  if (/worker|clock|scheduler|sidekiq|celery|queue|jobs?$|beat/.test(n)) return 'worker';
  return undefined;
}

export const procfileReader: Reader = {
  id: 'procfile',
  fileNames: ['Procfile'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const services: ServiceFact[] = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      const m = /^([A-Za-z0-9_-]+)\s*:\s*\S/.exec(raw);
      if (!m) return;
      const command = raw.slice(m[0].length - 1);
      // a process that starts the tests' fixtures (argo-cd's git-server: test/fixture/testrepos/start-git.sh) or
      // another product's image (`docker run ghcr.io/dexidp/dex`) runs nothing of the project's own
      const script = /^(?:(?:ba|z)?sh\s+)?(?:\.\/)?([\w.-]+(?:\/[\w.-]+)+)/.exec(command)?.[1];
      const scriptRole = script ? roleOf(resolveRelative(path, script) ?? script) : 'main';
      if (scriptRole === 'test' || scriptRole === 'fixture' || /\bdocker\s+run\b/.test(command)) return;
      const kind = processKind(m[1]);
      // `java -jar backend/build/libs/backend.jar`, `cd api && npm start`: the process runs one folder's build
      const ran = /(?:^|[\s=])(?:\.\/)?([\w.-]+(?:\/[\w.-]+)*?)\/(?:build|target|dist|out)\//.exec(command) ?? /\bcd\s+(?:\.\/)?([\w.-]+(?:\/[\w.-]+)*)\s*&&/.exec(raw);
      const folder = ran ? resolveRelative(path, ran[1]) : undefined;
      services.push({ name: m[1], source: 'procfile', ...(kind ? { kind } : {}), ...(folder ? { build: folder } : {}), line: i + 1 });
    });
    return services.length ? { services } : {};
  },
};

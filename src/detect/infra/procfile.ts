/**
 * Procfile: Heroku-style process types. Dokku, Railway and others read Procfiles too, so a Procfile alone
 * names processes but never a hosting provider (app.json / heroku.yml do that).
 */
import type { FileFacts, Reader, ServiceFact } from '../facts.js';

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
  read(_path: string, text: string): Omit<FileFacts, 'path'> {
    const services: ServiceFact[] = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      const m = /^([A-Za-z0-9_-]+)\s*:\s*\S/.exec(raw);
      if (!m) return;
      const kind = processKind(m[1]);
      services.push({ name: m[1], source: 'procfile', ...(kind ? { kind } : {}), line: i + 1 });
    });
    return services.length ? { services } : {};
  },
};

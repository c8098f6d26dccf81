/** fly.toml: the Fly.io app, its internal ports, and its [processes] (one service each). */
import type { FileFacts, Reader, ServiceFact } from '../facts.js';
import { asString, compact, escapeRegExp, isRecord, lineOfText, parseTomlText, resolveRelative, toPort, uniq } from './util.js';
import { processKind } from './procfile.js';

export const flyReader: Reader = {
  id: 'fly',
  patterns: [/(^|\/)fly(\.[\w-]+)?\.toml$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { value, warnings } = parseTomlText(path, text);
    if (!value) return compact({ warnings });
    const app = asString(value.app);
    const ports: number[] = [];
    if (isRecord(value.http_service)) { const p = toPort(value.http_service.internal_port); if (p) ports.push(p); }
    if (Array.isArray(value.services)) for (const s of value.services) if (isRecord(s)) { const p = toPort(s.internal_port); if (p) ports.push(p); }
    const services: ServiceFact[] = [];
    const processes = isRecord(value.processes) ? Object.keys(value.processes) : [];
    const appLine = lineOfText(text, /^[ \t]*app\s*=/m);
    // what every process shares: [env] names, and the image or Dockerfile it is built from
    const build = isRecord(value.build) ? value.build : {};
    const dockerfileRef = asString(build.dockerfile);
    const shared = {
      image: asString(build.image),
      dockerfile: dockerfileRef ? resolveRelative(path, dockerfileRef) : undefined,
      envNames: isRecord(value.env) ? Object.keys(value.env) : [],
    };
    if (processes.length) {
      // process lines inside [processes], not same-named keys elsewhere
      const table = lineOfText(text, /^[ \t]*\[processes\]/m) ?? 1;
      const rest = text.split('\n').slice(table).join('\n');
      for (const name of processes) {
        const kind = processKind(name);
        const within = lineOfText(rest, new RegExp(`^[ \\t]*["']?${escapeRegExp(name)}["']?\\s*=`, 'm'));
        const line = within === undefined ? undefined : table + within;
        services.push(compact({ name, source: 'fly', kind, ...shared, ports: kind === 'service' ? uniq(ports) : [], line }));
      }
    } else if (app) {
      services.push(compact({ name: app, source: 'fly', ...shared, ports: uniq(ports), line: appLine }));
    }
    return compact({ services, hosting: [{ provider: 'Fly.io', via: 'fly.toml', line: appLine ?? 1 }], warnings });
  },
};

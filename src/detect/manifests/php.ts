/** PHP: composer.json. Platform requirements (php, ext-*, lib-*) are not packages. */
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import { compact, isRecord, jsonKeyLine, malformed, oneLine, splitLines, str, strings, type ReadResult } from './text.js';

const PLATFORM = /^(php(-64bit|-ipv6|-zts|-debug)?|hhvm|ext-.+|lib-.+|composer(-plugin-api|-runtime-api)?)$/i;

export function readComposerJson(path: string, text: string): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return malformed(path, 'composer.json', err);
  }
  if (!isRecord(doc)) return malformed(path, 'composer.json', 'top level is not an object');
  const lines = splitLines(text);
  const dependencies: DependencyFact[] = [];
  const runtimes: NonNullable<ManifestFact['runtimes']> = [];
  const sections: [string, DependencyScope][] = [
    ['require', 'runtime'],
    ['require-dev', 'dev'],
  ];
  for (const [section, scope] of sections) {
    const deps = doc[section];
    if (!isRecord(deps)) continue;
    for (const [name, version] of Object.entries(deps)) {
      const line = jsonKeyLine(lines, section, name);
      if (name.toLowerCase() === 'php' && scope === 'runtime' && typeof version === 'string') runtimes.push(compact({ name: 'php', version, line }));
      if (PLATFORM.test(name)) continue;
      dependencies.push(compact({ ecosystem: 'composer' as const, name, version: str(version), scope, line }));
    }
  }
  const entryPoints = strings(doc.bin).map((target) => ({ name: target.slice(target.lastIndexOf('/') + 1), target, line: jsonKeyLine(lines, undefined, 'bin') }));
  // Path repositories are packages that live in this repository.
  const localDependencies = (Array.isArray(doc.repositories) ? doc.repositories : isRecord(doc.repositories) ? Object.values(doc.repositories) : [])
    .filter((r): r is Record<string, unknown> => isRecord(r) && r.type === 'path' && typeof r.url === 'string')
    .map((r) => ({ path: r.url as string }));
  const type = str(doc.type);
  const kind: ManifestFact['kind'] = entryPoints.length ? 'cli' : type === 'project' ? 'application' : type === 'library' ? 'library' : undefined;
  const manifest: ManifestFact = compact({
    ecosystem: 'composer',
    name: str(doc.name),
    description: oneLine(str(doc.description)),
    version: str(doc.version),
    entryPoints,
    localDependencies,
    kind,
    runtimes,
    line: jsonKeyLine(lines, undefined, 'name') ?? 1,
  });
  return { manifests: [manifest], dependencies };
}

export const phpReaders: Reader[] = [{ id: 'manifest:composer', fileNames: ['composer.json'], read: readComposerJson }];

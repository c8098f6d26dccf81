/** Rust: Cargo.toml (package, workspace, dependency tables including per-target ones, [[bin]]). */
import { parse as parseToml } from 'smol-toml';
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import { compact, isRecord, malformed, oneLine, splitLines, str, strings, tomlKeyLine, tomlSections, type ReadResult } from './text.js';

const TABLES: [string, DependencyScope][] = [
  ['dependencies', 'runtime'],
  ['dev-dependencies', 'dev'],
  ['build-dependencies', 'build'],
];

type Local = NonNullable<ManifestFact['localDependencies']>[number];

function readTable(lines: string[], table: string[], deps: unknown, scope: DependencyScope, out: DependencyFact[], locals: Local[]): void {
  if (!isRecord(deps)) return;
  for (const [key, spec] of Object.entries(deps)) {
    const line = tomlKeyLine(lines, table, key);
    if (isRecord(spec) && typeof spec.path === 'string') {
      locals.push(compact({ name: str(spec.package) ?? key, path: spec.path, line, dev: scope === 'dev' ? (true as const) : undefined }));
      continue;
    }
    // `package = "real-name"` renames a dependency; the registry knows it by the real name.
    const name = isRecord(spec) ? str(spec.package) ?? key : key;
    const version = typeof spec === 'string' ? spec : isRecord(spec) ? str(spec.version) : undefined;
    const optional = isRecord(spec) && spec.optional === true && scope === 'runtime';
    out.push(compact({ ecosystem: 'cargo' as const, name, version, scope: optional ? ('optional' as const) : scope, line }));
  }
}

export function readCargoToml(path: string, text: string): ReadResult {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (err) {
    return malformed(path, 'Cargo.toml', err);
  }
  const lines = splitLines(text);
  const dependencies: DependencyFact[] = [];
  const locals: Local[] = [];
  for (const [table, scope] of TABLES) readTable(lines, [table], doc[table], scope, dependencies, locals);
  if (isRecord(doc.target)) {
    for (const [cfg, body] of Object.entries(doc.target)) {
      if (!isRecord(body)) continue;
      for (const [table, scope] of TABLES) readTable(lines, ['target', cfg, table], body[table], scope, dependencies, locals);
    }
  }
  // [workspace.dependencies] only pins versions for members, like Maven's dependencyManagement: not a use.

  const pkg = isRecord(doc.package) ? doc.package : undefined;
  const workspace = isRecord(doc.workspace) ? doc.workspace : undefined;
  const entryPoints: NonNullable<ManifestFact['entryPoints']> = [];
  const bins = Array.isArray(doc.bin) ? doc.bin : [];
  const binSections = tomlSections(lines, ['bin']);
  bins.forEach((bin, i) => {
    if (!isRecord(bin)) return;
    const name = str(bin.name) ?? str(pkg?.name);
    if (!name) return;
    const line = binSections[i] ? binSections[i][0] : undefined;
    entryPoints.push(compact({ name, target: str(bin.path) ?? `src/bin/${name}.rs`, line }));
  });
  const runtimes: NonNullable<ManifestFact['runtimes']> = [];
  const rustVersion = str(pkg?.['rust-version']);
  if (rustVersion) runtimes.push(compact({ name: 'rust', version: rustVersion, line: tomlKeyLine(lines, ['package'], 'rust-version') }));
  const manifest: ManifestFact = compact({
    ecosystem: 'cargo',
    name: str(pkg?.name),
    description: oneLine(str(pkg?.description)),
    version: str(pkg?.version),
    workspaces: strings(workspace?.members),
    entryPoints,
    localDependencies: locals,
    private: pkg?.publish === false ? true : undefined,
    // A [lib] table and no binaries is a library crate; anything else would be a guess.
    kind: isRecord(doc.lib) && !bins.length ? ('library' as const) : undefined,
    runtimes,
    line: (pkg ? tomlKeyLine(lines, ['package'], 'name') : undefined) ?? 1,
  });
  return { manifests: [manifest], dependencies };
}

export const cargoReaders: Reader[] = [{ id: 'manifest:cargo', fileNames: ['Cargo.toml'], read: readCargoToml }];

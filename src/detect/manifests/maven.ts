/** Maven: pom.xml. Only the project's own <dependencies> are uses; dependencyManagement just pins versions. */
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import { compact, escapeRegExp, isRecord, malformed, oneLine, str, type ReadResult } from './text.js';
import { parseXml, xmlLines } from './xml.js';

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];
}

function text(v: unknown): string | undefined {
  const s = isRecord(v) ? str(v['#text']) : str(v);
  return s?.trim() || undefined;
}

/** 0-based line ranges of every <tag> ... </tag>, so searches can step around them. */
function tagRanges(lines: string[], tag: string): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  const open = new RegExp(`<${tag}[\\s>]`);
  lines.forEach((l, i) => {
    if (start < 0 && open.test(l)) start = i;
    if (start >= 0 && l.includes(`</${tag}>`)) {
      out.push([start, i]);
      start = -1;
    }
  });
  return out;
}

/** Finds artifactIds in document order, skipping excluded blocks; a cursor keeps duplicates apart. */
class ArtifactLocator {
  private cursor = 0;
  constructor(
    private readonly lines: string[],
    private readonly excluded: [number, number][],
    private readonly within?: [number, number][],
  ) {}
  find(artifactId: string): number | undefined {
    const re = new RegExp(`<artifactId>\\s*${escapeRegExp(artifactId)}\\s*</artifactId>`);
    for (let i = this.cursor; i < this.lines.length; i++) {
      if (this.excluded.some(([a, b]) => i >= a && i <= b)) continue;
      if (this.within && !this.within.some(([a, b]) => i >= a && i <= b)) continue;
      if (re.test(this.lines[i])) {
        this.cursor = i + 1;
        return i + 1;
      }
    }
    return undefined;
  }
}

/** Plugins that package a runnable application (an executable jar, a native image, a container image). */
const APPLICATION_PLUGINS = new Set(['spring-boot-maven-plugin', 'quarkus-maven-plugin', 'micronaut-maven-plugin', 'jib-maven-plugin']);

function scopeOf(scope: string | undefined, optional: boolean): DependencyScope {
  switch (scope) {
    case 'test':
      return 'test';
    case 'provided':
    case 'system':
      return 'build';
    default:
      return optional ? 'optional' : 'runtime';
  }
}

export function readPom(path: string, txt: string): ReadResult {
  const { doc, warning } = parseXml(path, txt, 'pom.xml');
  if (!doc) return warning!;
  const project = doc.project;
  if (!isRecord(project)) return malformed(path, 'pom.xml', 'no <project> element');
  const lines = xmlLines(txt);
  const parent = isRecord(project.parent) ? project.parent : undefined;
  const groupId = text(project.groupId) ?? text(parent?.groupId);
  const artifactId = text(project.artifactId);

  const props = isRecord(project.properties) ? project.properties : {};
  const projectVersion = text(project.version) ?? text(parent?.version);
  // Resolves ${...} from this pom's own properties; anything defined elsewhere stays as written.
  const resolve = (v: string | undefined): string | undefined =>
    v?.replace(/\$\{([^}]+)\}/g, (whole, key: string) =>
      key === 'project.groupId' || key === 'groupId' ? (groupId ?? whole) : key === 'project.version' || key === 'version' ? (projectVersion ?? whole) : (text(props[key]) ?? whole),
    );

  const excluded = [
    ...tagRanges(lines, 'dependencyManagement'),
    ...tagRanges(lines, 'build'),
    ...tagRanges(lines, 'profiles'),
    ...tagRanges(lines, 'reporting'),
    ...tagRanges(lines, 'parent'),
  ];
  const deps = new ArtifactLocator(lines, excluded);
  const dependencies: DependencyFact[] = [];
  for (const d of arr(isRecord(project.dependencies) ? project.dependencies.dependency : undefined)) {
    if (!isRecord(d)) continue;
    const g = resolve(text(d.groupId));
    const a = text(d.artifactId);
    if (!a) continue;
    dependencies.push(
      compact({
        ecosystem: 'maven' as const,
        name: g ? `${g}:${a}` : a,
        version: resolve(text(d.version)),
        scope: scopeOf(text(d.scope), text(d.optional) === 'true'),
        line: deps.find(a),
      }),
    );
  }

  const localDependencies: NonNullable<ManifestFact['localDependencies']> = [];
  if (parent) {
    const pg = text(parent.groupId);
    const pa = text(parent.artifactId);
    const rel = 'relativePath' in parent ? (text(parent.relativePath) ?? '') : undefined;
    const line = new ArtifactLocator(lines, [], tagRanges(lines, 'parent')).find(pa ?? '');
    if (pg && pa) {
      const coordinates = `${pg}:${pa}`;
      // relativePath may name the parent's pom.xml or its folder; facts keep the folder.
      if (rel) localDependencies.push(compact({ name: coordinates, path: rel.replace(/\/?pom\.xml$/, '') || '.', line }));
      // Spring Boot's parent is how most Boot applications declare Boot itself.
      else if (coordinates === 'org.springframework.boot:spring-boot-starter-parent') {
        dependencies.push(compact({ ecosystem: 'maven' as const, name: coordinates, version: text(parent.version), scope: 'runtime' as const, line }));
      } else if (rel === '') {
        // An explicitly empty <relativePath/> says the parent comes from a repository.
        dependencies.push(compact({ ecosystem: 'maven' as const, name: coordinates, version: text(parent.version), scope: 'build' as const, line }));
      }
    }
  }

  // Build plugins are build-time dependencies: spring-boot-maven-plugin, jib, quarkus-maven-plugin ...
  const build = isRecord(project.build) ? project.build : undefined;
  const pluginLocator = new ArtifactLocator(lines, tagRanges(lines, 'pluginManagement'), tagRanges(lines, 'build'));
  let appPlugin = false;
  for (const p of arr(isRecord(build?.plugins) ? build.plugins.plugin : undefined)) {
    if (!isRecord(p)) continue;
    const a = text(p.artifactId);
    if (!a) continue;
    const g = text(p.groupId) ?? 'org.apache.maven.plugins';
    if (APPLICATION_PLUGINS.has(a)) appPlugin = true;
    dependencies.push(compact({ ecosystem: 'maven' as const, name: `${g}:${a}`, version: resolve(text(p.version)), scope: 'build' as const, line: pluginLocator.find(a) }));
  }

  const modules = arr(isRecord(project.modules) ? project.modules.module : undefined).map(text).filter((m): m is string => !!m);
  const packaging = text(project.packaging);
  const java = text(props['java.version']) ?? text(props['maven.compiler.release']) ?? text(props['maven.compiler.source']);
  const javaKey = ['java.version', 'maven.compiler.release', 'maven.compiler.source'].find((k) => text(props[k]) !== undefined);
  const javaLine = javaKey ? lines.findIndex((l) => l.includes(`<${javaKey}>`)) + 1 || undefined : undefined;
  const artifactLine = lines.findIndex((l, i) => /<artifactId>/.test(l) && !excluded.some(([a, b]) => i >= a && i <= b)) + 1;
  const manifest: ManifestFact = compact({
    ecosystem: 'maven',
    name: artifactId ? (groupId ? `${groupId}:${artifactId}` : artifactId) : undefined,
    description: oneLine(text(project.description)),
    version: projectVersion,
    workspaces: modules,
    localDependencies,
    kind: packaging !== 'pom' && (packaging === 'war' || appPlugin) ? ('application' as const) : undefined,
    // pom packaging builds no artifact: without modules to aggregate it is a BOM or a parent for others
    platform: packaging === 'pom' && !modules.length ? (true as const) : undefined,
    runtimes: java ? [compact({ name: 'java', version: java, line: javaLine })] : [],
    line: artifactLine || 1,
  });
  return { manifests: [manifest], dependencies };
}

export const mavenReaders: Reader[] = [{ id: 'manifest:pom', fileNames: ['pom.xml'], read: readPom }];

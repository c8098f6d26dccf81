/**
 * Gradle: build.gradle(.kts), settings.gradle(.kts) and the version catalog gradle/libs.versions.toml.
 * Build scripts are code, so only the declarative shapes everyone writes are read: literal coordinates,
 * with versions from string variables of the same script. Anything computed (loops, `libs.x` accessors,
 * properties from gradle.properties) is left to the version catalog or kept as written.
 */
import { parse as parseToml } from 'smol-toml';
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import { compact, isRecord, malformed, splitLines, str, tomlKeyLine, type ReadResult } from './text.js';

/** Blanks comments but keeps line numbers; strings are respected so "http://x" survives. */
export function stripComments(text: string): string[] {
  let out = '';
  let inBlock = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (inBlock) {
      if (ch === '*' && next === '/') {
        inBlock = false;
        i++;
      } else if (ch === '\n') out += '\n';
      continue;
    }
    if (quote) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === quote || ch === '\n') quote = '';
      continue;
    }
    if (ch === '/' && next === '*') {
      inBlock = true;
      i++;
    } else if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      if (i < text.length) out += '\n';
    } else {
      if (ch === '"' || ch === "'") quote = ch;
      out += ch;
    }
  }
  return splitLines(out);
}

function configurationScope(config: string): DependencyScope | undefined {
  const c = config.toLowerCase();
  if (!/(implementation|api|compileonly|compileonlyapi|runtimeonly|compile|runtime|annotationprocessor|kapt|ksp|classpath|developmentonly)$/.test(c)) return undefined;
  if (/test/.test(c)) return 'test';
  if (/^(kapt|ksp)|annotationprocessor$|compileonly(api)?$|^classpath$/.test(c)) return 'build';
  if (/^(developmentonly|debug)/.test(c)) return 'dev';
  return 'runtime';
}

const STRING = `(?:"([^"]*)"|'([^']*)')`;
const DEP_LINE = /^\s*([A-Za-z]\w*)\s*(\(|\s)\s*(.*)$/;
/** `libs.ktor.server.core`, `projectLibs.x`: an accessor of a version catalog (resolved against the catalog later). */
const CATALOG_REF = /^\(?\s*([a-z]\w*\.(?!versions\.)[\w.]+?)\s*\)?$/;
// optional parts carry their own whitespace: two adjacent \s* around an optional token backtrack quadratically on long blank runs
const VARIABLE = new RegExp(`^\\s*(?:(?:def|val|var)\\s+|ext\\.\\s*)?(\\w+)\\s*=\\s*${STRING}\\s*$`);
const CONTINUED = new RegExp(`^\\s*(${STRING})\\s*(?:(,)\\s*)?$`);
const PLUGIN_ID = new RegExp(`\\bid\\s*(?:\\(\\s*)?${STRING}(?:\\s*\\))?(?:\\s*version\\s*(?:\\(\\s*)?${STRING})?`);
const KOTLIN_PLUGIN = new RegExp(`\\bkotlin\\s*\\(\\s*${STRING}\\s*\\)(?:\\s*version\\s*${STRING})?`);
const CORE_PLUGIN = /^\s*(?:`([\w-]+)`|([a-z][\w-]*))\s*$/;
const APPLY_PLUGIN = new RegExp(`^\\s*apply\\s*(?:\\(\\s*)?plugin\\s*[:=]\\s*${STRING}`);
const MAIN_CLASS = new RegExp(`\\bmainClass(?:Name)?\\s*(?:\\.set\\s*\\(|=)\\s*${STRING}`);
/** A block of a test source set: `jvmTest {`, `val commonTest by getting {`, `getByName("androidTest") {`, `test {` in sourceSets. */
const TEST_SOURCE_SET = /^\s*(?:val\s+)?(?:[a-z]\w*Test|test)\b(?:\s+by\s+\w+)?\s*\{|\b(?:getByName|named|maybeCreate|create)\s*\(\s*["'](?:[a-z]\w*Test|test)["']\s*\)\s*\{/;
const TOP_LEVEL = new RegExp(`^(version|description)\\s*=\\s*${STRING}`);

type Local = NonNullable<ManifestFact['localDependencies']>[number];

/** Reads the argument of a dependency declaration; undefined when it is not a literal. */
function coordinatesOf(arg: string): { name: string; version?: string } | { project: string } | undefined {
  if (/^(platform|enforcedPlatform|files|fileTree|libs\.|gradleApi|localGroovy)/.test(arg)) return undefined;
  const proj = new RegExp(`^project\\s*\\(\\s*(?:path\\s*[:=]\\s*)?${STRING}`).exec(arg);
  if (proj) return { project: proj[1] ?? proj[2] };
  const kt = new RegExp(`^kotlin\\s*\\(\\s*${STRING}(?:\\s*,\\s*${STRING})?`).exec(arg);
  if (kt) return { name: `org.jetbrains.kotlin:kotlin-${kt[1] ?? kt[2]}`, version: kt[3] ?? kt[4] };
  const lit = new RegExp(`^${STRING}`).exec(arg);
  if (lit) {
    const parts = (lit[1] ?? lit[2]).split(':');
    if (parts.length < 2 || !parts[0] || !parts[1]) return undefined;
    return { name: `${parts[0]}:${parts[1]}`, version: parts[2] || undefined };
  }
  const named = (key: string) => new RegExp(`\\b${key}\\s*[:=]\\s*${STRING}`).exec(arg);
  const g = named('group');
  const a = named('name');
  if (g && a) return { name: `${g[1] ?? g[2]}:${a[1] ?? a[2]}`, version: (named('version')?.[1] ?? named('version')?.[2]) || undefined };
  return undefined;
}

/** Plugin ids with the marker artifact Gradle resolves them to (`<id>:<id>.gradle.plugin`). */
function pluginDependency(id: string, version: string | undefined, line: number | undefined): DependencyFact {
  return compact({ ecosystem: 'maven' as const, name: `${id}:${id}.gradle.plugin`, version, scope: 'build' as const, line });
}

const APPLICATION_PLUGINS = new Set(['application', 'org.springframework.boot', 'io.quarkus', 'io.micronaut.application', 'com.android.application', 'io.ktor.plugin']);
const LIBRARY_PLUGINS = new Set(['java-library', 'com.android.library', 'io.micronaut.library']);

export function readBuildGradle(_path: string, text: string): ReadResult {
  const lines = stripComments(text);
  const dependencies: DependencyFact[] = [];
  const localDependencies: Local[] = [];
  const plugins: string[] = [];
  let inPlugins = false;
  let depth = 0;
  let pluginsDepth = -1;
  /** Depth at which an `application { }`, `springBoot { }` or start-script task block opened, -1 outside one. */
  let appDepth = -1;
  /** Depth at which a test source set's block opened (`jvmTest { }`, `val commonTest by getting { }`), -1 outside one. */
  let testSetDepth = -1;
  let mainClass: { target: string; line: number } | undefined;
  let version: string | undefined;
  let description: string | undefined;
  // Versions are often kept in variables of the same script: `def grpcVersion = "1.6"`, `val ktor = "2.3"`.
  const vars = new Map<string, string>();
  for (const l of lines) {
    const v = VARIABLE.exec(l);
    if (v && !vars.has(v[1])) vars.set(v[1], v[2] ?? v[3]);
  }
  const resolve = (version: string | undefined) => version?.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a?: string, b?: string) => vars.get((a ?? b)!) ?? whole);
  const addDependency = (c: ReturnType<typeof coordinatesOf>, scope: DependencyScope, line: number) => {
    if (c && 'project' in c) localDependencies.push({ name: c.project, line });
    else if (c) dependencies.push(compact({ ecosystem: 'maven' as const, name: c.name, version: resolve(c.version), scope, line }));
  };
  // Groovy lets one configuration take several coordinates, one per line after trailing commas.
  let continued: DependencyScope | undefined;

  lines.forEach((l, i) => {
    const line = i + 1;
    if (continued) {
      const next = CONTINUED.exec(l);
      if (next) {
        addDependency(coordinatesOf(next[1]), continued, line);
        if (!next[4]) continued = undefined;
        return;
      }
      continued = undefined;
    }
    if (/^\s*plugins\s*\{/.test(l)) {
      inPlugins = true;
      pluginsDepth = depth;
    }
    // Blocks that name the program this project runs: application, springBoot, start-script tasks.
    if (/^\s*(application|springBoot)\s*\{/.test(l) || /\bCreateStartScripts\b.*\{\s*$/.test(l)) appDepth = depth;
    // Kotlin Multiplatform and Android declare each source set's dependencies in its own block: those of
    // jvmTest, commonTest or androidUnitTest are the tests' whatever configuration (implementation) they use
    if (testSetDepth < 0 && TEST_SOURCE_SET.test(l)) testSetDepth = depth;
    if (inPlugins) {
      const id = PLUGIN_ID.exec(l);
      const kt = KOTLIN_PLUGIN.exec(l);
      const core = CORE_PLUGIN.exec(l);
      // `apply false` only puts the plugin on the classpath for subprojects: it says nothing about this one.
      const applied = !/\bapply\s*\(?\s*false\b/.test(l);
      if (id) {
        const pid = id[1] ?? id[2];
        if (applied) plugins.push(pid);
        if (pid.includes('.')) dependencies.push(pluginDependency(pid, id[3] ?? id[4], line));
      } else if (kt) {
        const pid = `org.jetbrains.kotlin.${kt[1] ?? kt[2]}`;
        if (applied) plugins.push(pid);
        dependencies.push(pluginDependency(pid, kt[3] ?? kt[4], line));
      } else if (core) plugins.push(core[1] ?? core[2]);
      else {
        // alias(libs.plugins.android.application), and convention plugins named the same way
        // (libs.plugins.nowinandroid.android.application): the accessor's last word says what the module is
        const alias = /^\s*alias\s*\(\s*\w+\.plugins\.([\w.]+)\s*\)/.exec(l);
        if (alias && applied) {
          if (/(?:^|\.)(?:android\.)?application$/.test(alias[1]) || /(?:^|\.)spring\.boot$/.test(alias[1])) plugins.push('application');
          else if (/(?:^|\.)(?:android\.|java\.|kotlin\.)?library$/.test(alias[1])) plugins.push('java-library');
        }
      }
    } else {
      const applied = APPLY_PLUGIN.exec(l);
      if (applied) {
        const pid = applied[1] ?? applied[2];
        plugins.push(pid);
        if (pid.includes('.')) dependencies.push(pluginDependency(pid, undefined, line));
      }
      const m = DEP_LINE.exec(l);
      const configured = m ? configurationScope(m[1]) : undefined;
      const scope = configured && testSetDepth >= 0 ? 'test' : configured;
      if (m && scope) {
        // `implementation("x")`, `implementation "x"`, `implementation group: ...`; strip the closing paren.
        const arg = m[3].replace(/\)\s*(\{.*)?$/, '').trim();
        const ref = CATALOG_REF.exec(arg);
        if (ref) dependencies.push({ ecosystem: 'maven', name: ref[1], scope, line, catalogRef: true });
        else addDependency(coordinatesOf(arg), scope, line);
        if (/^["'][^"']*["']\s*,\s*$/.test(arg)) continued = scope;
      }
      // Only the application's own main class: a JavaExec task's mainClass runs a build-time tool.
      const mc = MAIN_CLASS.exec(l);
      if (mc && !mainClass && (appDepth >= 0 || depth === 0)) mainClass = { target: mc[1] ?? mc[2], line };
      const top = TOP_LEVEL.exec(l);
      if (top?.[1] === 'version') version = top[2] ?? top[3];
      if (top?.[1] === 'description') description = top[2] ?? top[3];
    }
    for (const ch of l.replace(/"[^"]*"|'[^']*'/g, '')) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    if (inPlugins && depth <= pluginsDepth) inPlugins = false;
    if (appDepth >= 0 && depth <= appDepth) appDepth = -1;
    if (testSetDepth >= 0 && depth <= testSetDepth) testSetDepth = -1;
  });

  const kind = plugins.some((p) => APPLICATION_PLUGINS.has(p)) ? 'application' : plugins.some((p) => LIBRARY_PLUGINS.has(p)) ? 'library' : undefined;
  const manifest: ManifestFact = compact({
    ecosystem: 'maven',
    description,
    version,
    entryPoints: mainClass ? [{ name: 'main', target: mainClass.target, line: mainClass.line }] : [],
    localDependencies,
    kind: kind as ManifestFact['kind'],
    // a java-platform project publishes version constraints (a BOM), no code
    platform: plugins.includes('java-platform') ? (true as const) : undefined,
    line: 1,
  });
  return { manifests: [manifest], dependencies };
}

/** `:a:b` -> `a/b`, the default project folder relative to the settings file. */
function projectFolder(gradlePath: string): string {
  return gradlePath.replace(/^:/, '').replace(/:/g, '/');
}

export function readSettingsGradle(_path: string, text: string): ReadResult {
  const lines = stripComments(text);
  const body = lines.join('\n');
  const workspaces: string[] = [];
  // Groovy's `include 'a',` may continue on the next line after a trailing comma.
  const stmt = /\b(include|includeBuild)\b\s*(\(([^)]*)\)|((?:[^\n]*,[ \t]*\n)*[^\n]*))/g;
  let m: RegExpExecArray | null;
  while ((m = stmt.exec(body))) {
    const args = m[3] ?? m[4] ?? '';
    for (const s of args.matchAll(/"([^"]*)"|'([^']*)'/g)) {
      const v = s[1] ?? s[2];
      if (v) workspaces.push(m[1] === 'include' ? projectFolder(v) : v);
    }
  }
  const root = new RegExp(`rootProject\\.name\\s*=\\s*${STRING}`).exec(body);
  const nameLine = root ? body.slice(0, root.index).split('\n').length : 1;
  return { manifests: [compact({ ecosystem: 'maven' as const, name: root ? root[1] ?? root[2] : undefined, workspaces, line: nameLine })] };
}

// ---- gradle/libs.versions.toml ---------------------------------------------------------------------

function catalogVersion(v: unknown, versions: Record<string, unknown>): string | undefined {
  if (typeof v === 'string') return v;
  if (!isRecord(v)) return undefined;
  // `version.ref = "x"` parses as { ref: "x" }; rich versions use strictly / require / prefer.
  if (typeof v.ref === 'string') return catalogVersion(versions[v.ref], {});
  return str(v.strictly) ?? str(v.require) ?? str(v.prefer);
}

export function readVersionCatalog(path: string, text: string): ReadResult {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (err) {
    return malformed(path, 'version catalog', err);
  }
  const lines = splitLines(text);
  const versions = isRecord(doc.versions) ? doc.versions : {};
  const dependencies: DependencyFact[] = [];
  // A catalog says which libraries the build may use, not where; runtime is the honest default.
  for (const [alias, spec] of Object.entries(isRecord(doc.libraries) ? doc.libraries : {})) {
    let name: string | undefined;
    let version: string | undefined;
    if (typeof spec === 'string') {
      const [g, a, v] = spec.split(':');
      if (g && a) [name, version] = [`${g}:${a}`, v];
    } else if (isRecord(spec)) {
      const module = str(spec.module);
      name = module ?? (str(spec.group) && str(spec.name) ? `${str(spec.group)}:${str(spec.name)}` : undefined);
      version = catalogVersion(spec.version, versions);
    }
    if (name) dependencies.push(compact({ ecosystem: 'maven' as const, name, version, scope: 'runtime' as const, line: tomlKeyLine(lines, ['libraries'], alias), catalogAlias: alias }));
  }
  for (const [alias, spec] of Object.entries(isRecord(doc.plugins) ? doc.plugins : {})) {
    const [id, v] = typeof spec === 'string' ? spec.split(':') : [isRecord(spec) ? str(spec.id) : undefined, isRecord(spec) ? catalogVersion(spec.version, versions) : undefined];
    if (id) dependencies.push(pluginDependency(id, v, tomlKeyLine(lines, ['plugins'], alias)));
  }
  return { dependencies };
}

/**
 * The build tool a manifest's evidence names: Gradle's files declare Maven coordinates (ecosystem maven, so a
 * Gradle module and a pom.xml resolve each other's artifacts), yet they are Gradle's, and say so.
 */
export function buildToolOf(ecosystem: string, file: string): string {
  if (ecosystem === 'hex') return 'mix';
  return ecosystem === 'maven' && GRADLE_FILE.test(file) ? 'gradle' : ecosystem;
}

const GRADLE_FILE = /(?:^|\/)(?:(?:build|settings)\.gradle(?:\.kts)?|gradle\/[\w.-]+\.versions\.toml)$/;

export const gradleReaders: Reader[] = [
  { id: 'manifest:build.gradle', fileNames: ['build.gradle', 'build.gradle.kts'], read: readBuildGradle },
  { id: 'manifest:settings.gradle', fileNames: ['settings.gradle', 'settings.gradle.kts'], read: readSettingsGradle },
  { id: 'manifest:gradle-version-catalog', patterns: [/(^|\/)gradle\/[\w.-]+\.versions\.toml$/], read: readVersionCatalog },
];

/** .NET: *.csproj / *.fsproj / *.vbproj, Directory.Build.props, Directory.Packages.props, packages.config, *.sln, *.slnx. */
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import { parseXml, xmlLines } from './xml.js';
import { baseName, compact, escapeRegExp, findLine, isRecord, oneLine, splitLines, str, type ReadResult } from './text.js';

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];
}

function attr(node: unknown, name: string): string | undefined {
  return isRecord(node) ? str(node[`@_${name}`])?.trim() || undefined : undefined;
}

/** Text of a child element; among repeats, the first one without a Condition (the unconditional default). */
function child(node: unknown, name: string): string | undefined {
  if (!isRecord(node)) return undefined;
  const all = arr(node[name]);
  const plain = all.find((v) => !isRecord(v) || v['@_Condition'] === undefined) ?? all[0];
  const s = isRecord(plain) ? str(plain['#text']) : str(plain);
  return s?.trim() || undefined;
}

/** MSBuild paths use backslashes; facts use forward slashes. */
function slash(p: string): string {
  return p.replace(/\\/g, '/');
}

/** Properties from every PropertyGroup; later groups win, as in MSBuild. */
function properties(project: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const group of arr(project.PropertyGroup)) {
    if (!isRecord(group)) continue;
    for (const key of Object.keys(group)) {
      const v = child(group, key);
      // Values built from other properties ($(X)) cannot be resolved here.
      if (v !== undefined && !key.startsWith('@_') && !v.includes('$(')) out[key] = v;
    }
  }
  return out;
}

/** Line of `Include="name"` (or Update=) in document order; the cursor keeps repeated names apart. */
function includeLocator(lines: string[], element: string) {
  let cursor = 0;
  return (name: string): number | undefined => {
    const re = new RegExp(`<${element}\\b[^>]*\\b(Include|Update)\\s*=\\s*["']${escapeRegExp(name)}["']`, 'i');
    const at = findLine(lines, re, cursor);
    if (at !== undefined) cursor = at;
    return at;
  };
}

/** A project referencing one of these is a test project: its packages are test scope and it is no application. */
const TEST_PACKAGE = /^(Microsoft\.NET\.Test\.Sdk|xunit|xunit\.v3([.-][\w.-]+)?|NUnit|MSTest|MSTest\.TestFramework|TUnit)$/i;
const TEST_PROJECT_NAME = /[.-](Unit|Integration|Functional|Acceptance|E2E)?Tests?\.\w+proj$/i;

const WEB_SDKS = /^Microsoft\.NET\.Sdk\.(Web|Worker|BlazorWebAssembly|Razor\.?Web)$|^Microsoft\.NET\.Sdk\.Functions$|^Aspire\.AppHost\.Sdk/i;

function readProjectXml(path: string, text: string, asManifest: boolean): ReadResult {
  const { doc, warning } = parseXml(path, text, baseName(path));
  if (!doc) return warning!;
  const project = arr(doc.Project)[0];
  if (!isRecord(project)) return { warnings: [{ file: path, message: `malformed ${baseName(path)}: no <Project> element` }] };
  const lines = xmlLines(text);
  const props = properties(project);
  const items = arr(project.ItemGroup).filter(isRecord);
  const packageRefs = items.flatMap((g) => arr(g.PackageReference)).filter((r) => attr(r, 'Include'));
  const sdk = (attr(project, 'Sdk') ?? '').replace(/\/.*$/, '');
  const isTest =
    props.IsTestProject === 'true' ||
    /^(MSTest\.Sdk|Microsoft\.NET\.Test\.Sdk)$/i.test(sdk) ||
    TEST_PROJECT_NAME.test(baseName(path)) ||
    packageRefs.some((r) => TEST_PACKAGE.test(attr(r, 'Include') ?? ''));
  const pkgLine = includeLocator(lines, 'PackageReference');
  const dependencies: DependencyFact[] = [];
  for (const r of packageRefs) {
    const name = attr(r, 'Include')!;
    const privateAssets = (attr(r, 'PrivateAssets') ?? child(r, 'PrivateAssets') ?? '').toLowerCase();
    // Analyzers and build tasks marked PrivateAssets="all" never ship with the assembly.
    const scope: DependencyScope = isTest ? 'test' : privateAssets === 'all' ? 'build' : 'runtime';
    dependencies.push(compact({ ecosystem: 'nuget' as const, name, version: attr(r, 'Version') ?? child(r, 'Version'), scope, line: pkgLine(name) }));
  }
  const fwLine = includeLocator(lines, 'FrameworkReference');
  for (const r of items.flatMap((g) => arr(g.FrameworkReference))) {
    const name = attr(r, 'Include');
    if (name) dependencies.push(compact({ ecosystem: 'nuget' as const, name, scope: 'runtime' as const, line: fwLine(name) }));
  }
  if (!asManifest) return { dependencies };

  const sdkLine = findLine(lines, /<Project\b[^>]*\bSdk\s*=/) ?? 1;
  // The Web SDK brings ASP.NET Core in through the shared framework, not a PackageReference.
  if (/^Microsoft\.NET\.Sdk\.Web$/i.test(sdk) && !dependencies.some((d) => d.name === 'Microsoft.AspNetCore.App')) {
    dependencies.push({ ecosystem: 'nuget', name: 'Microsoft.AspNetCore.App', scope: 'runtime', line: sdkLine });
  }
  const projLine = includeLocator(lines, 'ProjectReference');
  const localDependencies = items
    .flatMap((g) => arr(g.ProjectReference))
    .filter((r) => !!attr(r, 'Include'))
    // The folder of the referenced project, like every other local dependency; its file name is the project name.
    .map((r) => {
      const p = attr(r, 'Include')!;
      const file = slash(p);
      const cut = file.lastIndexOf('/');
      // an Aspire AppHost compiles against ServiceDefaults (IsAspireProjectResource="false") without running it
      const notRun = /^false$/i.test(attr(r, 'IsAspireProjectResource') ?? '') ? (true as const) : undefined;
      return compact({ name: file.slice(cut + 1).replace(/\.\w+proj$/i, ''), path: cut >= 0 ? file.slice(0, cut) : '.', line: projLine(p), notRun });
    });
  const outputType = (props.OutputType ?? '').toLowerCase();
  // an explicit OutputType Library wins over the Web SDK: a Razor class library of pages an app hosts (an ABP module's UI)
  const kind: ManifestFact['kind'] = isTest
    ? undefined
    : outputType === 'exe' || outputType === 'winexe' || (WEB_SDKS.test(sdk) && outputType !== 'library')
      ? 'application'
      : outputType === 'library' || (outputType === '' && /^Microsoft\.NET\.Sdk(\.Razor)?$/i.test(sdk))
        ? 'library' // .NET's default output type is a class library
        : undefined;
  const frameworks = (props.TargetFramework ?? props.TargetFrameworks ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  const tfLine = findLine(lines, /<TargetFrameworks?>/);
  const fileName = baseName(path).replace(/\.(cs|fs|vb)proj$/i, '');
  const manifest: ManifestFact = compact({
    ecosystem: 'nuget',
    name: props.AssemblyName ?? props.PackageId ?? fileName,
    description: oneLine(props.Description),
    version: props.Version ?? props.VersionPrefix,
    localDependencies,
    private: props.IsPackable === 'false' ? true : undefined,
    kind,
    runtimes: frameworks.map((f) => compact({ name: 'dotnet', version: f, line: tfLine })),
    line: 1,
  });
  // the Worker SDK builds a host for background services: a process that runs, consuming rather than serving
  if (!isTest && /^Microsoft\.NET\.Sdk\.Worker$/i.test(sdk)) {
    return { manifests: [manifest], dependencies, services: [{ name: manifest.name ?? fileName, source: 'dotnet', kind: 'worker', line: 1 }] };
  }
  return { manifests: [manifest], dependencies };
}

export function readProjectFile(path: string, text: string): ReadResult {
  return readProjectXml(path, text, true);
}

/** Directory.Build.props applies its PackageReferences to every project below it. */
export function readDirectoryBuildProps(path: string, text: string): ReadResult {
  return readProjectXml(path, text, false);
}

/**
 * Central package management: PackageVersion only pins versions (like dependencyManagement), so it
 * is not a use; GlobalPackageReference is referenced by every project (usually analyzers: build).
 */
export function readDirectoryPackagesProps(path: string, text: string): ReadResult {
  const { doc, warning } = parseXml(path, text, baseName(path));
  if (!doc) return warning!;
  const project = arr(doc.Project)[0];
  if (!isRecord(project)) return {};
  const lines = xmlLines(text);
  const locate = includeLocator(lines, 'GlobalPackageReference');
  const dependencies: DependencyFact[] = [];
  for (const r of arr(project.ItemGroup).filter(isRecord).flatMap((g) => arr(g.GlobalPackageReference))) {
    const name = attr(r, 'Include');
    if (name) dependencies.push(compact({ ecosystem: 'nuget' as const, name, version: attr(r, 'Version'), scope: 'build' as const, line: locate(name) }));
  }
  return { dependencies };
}

export function readPackagesConfig(path: string, text: string): ReadResult {
  const { doc, warning } = parseXml(path, text, 'packages.config');
  if (!doc) return warning!;
  const lines = xmlLines(text);
  const dependencies: DependencyFact[] = [];
  let cursor = 0;
  for (const p of arr(isRecord(doc.packages) ? doc.packages.package : undefined)) {
    const id = attr(p, 'id');
    if (!id) continue;
    const line = findLine(lines, new RegExp(`<package\\b[^>]*\\bid\\s*=\\s*["']${escapeRegExp(id)}["']`, 'i'), cursor);
    if (line) cursor = line;
    const scope: DependencyScope = attr(p, 'developmentDependency') === 'true' ? 'dev' : 'runtime';
    dependencies.push(compact({ ecosystem: 'nuget' as const, name: id, version: attr(p, 'version'), scope, line }));
  }
  return { dependencies };
}

/** Solution folders are listed like projects but have this type GUID and no project file. */
const SOLUTION_FOLDER = '2150E333-8FDC-42A3-9474-1A3956D46DE8';

export function readSln(path: string, text: string): ReadResult {
  const workspaces: string[] = [];
  for (const l of splitLines(text)) {
    const m = /^\s*Project\("\{([^}]+)\}"\)\s*=\s*"[^"]*"\s*,\s*"([^"]+)"/.exec(l);
    if (!m || m[1].toUpperCase() === SOLUTION_FOLDER) continue;
    if (/\.\w+proj$/i.test(m[2])) workspaces.push(slash(m[2]));
  }
  return { manifests: [compact({ ecosystem: 'nuget' as const, name: baseName(path).replace(/\.sln$/i, ''), workspaces, line: 1 })] };
}

/** The XML solution format (.slnx): <Project Path="src/Api/Api.csproj" />, possibly inside <Folder>. */
export function readSlnx(path: string, text: string): ReadResult {
  const { doc, warning } = parseXml(path, text, baseName(path));
  if (!doc) return warning!;
  const workspaces: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isRecord(node)) return;
    for (const p of arr(node.Project)) {
      const target = attr(p, 'Path');
      if (target) workspaces.push(slash(target));
    }
    for (const f of arr(node.Folder)) walk(f);
  };
  walk(doc.Solution);
  return { manifests: [compact({ ecosystem: 'nuget' as const, name: baseName(path).replace(/\.slnx$/i, ''), workspaces, line: 1 })] };
}

export const dotnetReaders: Reader[] = [
  { id: 'manifest:msbuild-project', extensions: ['.csproj', '.fsproj', '.vbproj'], read: readProjectFile },
  { id: 'manifest:directory-build-props', fileNames: ['Directory.Build.props'], read: readDirectoryBuildProps },
  { id: 'manifest:directory-packages-props', fileNames: ['Directory.Packages.props'], read: readDirectoryPackagesProps },
  { id: 'manifest:packages.config', fileNames: ['packages.config'], read: readPackagesConfig },
  { id: 'manifest:sln', extensions: ['.sln'], read: readSln },
  { id: 'manifest:slnx', extensions: ['.slnx'], read: readSlnx },
];

/**
 * Import resolution for the whole repository: pure and in memory (Set/Map lookups, no file system),
 * so it runs the same on any machine. Each language's resolver is built only when a file needs it.
 */
import type { ImportFact } from '../../detect/facts.js';
import { GoResolver } from './go.js';
import { JsResolver } from './javascript.js';
import { CSharpResolver, JvmResolver, PhpResolver } from './namespaces.js';
import { baseOf, dirOf, extOf } from './paths.js';
import { PythonResolver } from './python.js';
import { RubyResolver } from './ruby.js';
import { RustResolver } from './rust.js';
import type { ExternalUse, FileEdge, GraphInput, GraphResult, RepoIndex, Resolution } from './types.js';

interface Resolver {
  resolve(from: string, imp: ImportFact): Resolution;
}

const LANGUAGE_BY_EXT: Record<string, string> = {
  '.ts': 'js', '.tsx': 'js', '.mts': 'js', '.cts': 'js', '.js': 'js', '.jsx': 'js', '.mjs': 'js', '.cjs': 'js', '.vue': 'js', '.svelte': 'js',
  '.py': 'python', '.pyi': 'python',
  '.go': 'go',
  '.java': 'jvm', '.kt': 'jvm', '.kts': 'jvm', '.scala': 'jvm', '.groovy': 'jvm',
  '.cs': 'csharp',
  '.rs': 'rust',
  '.rb': 'ruby', '.rake': 'ruby', '.gemspec': 'ruby',
  '.php': 'php',
};

const FACTORIES: Record<string, (index: RepoIndex) => Resolver> = {
  js: (i) => new JsResolver(i),
  python: (i) => new PythonResolver(i),
  go: (i) => new GoResolver(i),
  jvm: (i) => new JvmResolver(i),
  csharp: (i) => new CSharpResolver(i),
  rust: (i) => new RustResolver(i),
  ruby: (i) => new RubyResolver(i),
  php: (i) => new PhpResolver(i),
};

export function buildIndex(input: GraphInput): RepoIndex {
  const sorted = [...new Set(input.files)].sort();
  const dirFiles = new Map<string, string[]>();
  for (const file of sorted) {
    const dir = dirOf(file);
    const list = dirFiles.get(dir);
    if (list) list.push(baseOf(file));
    else dirFiles.set(dir, [baseOf(file)]);
  }
  return { files: new Set(sorted), sorted, dirFiles, facts: input.facts };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function resolveImports(input: GraphInput): GraphResult {
  const index = buildIndex(input);
  const resolvers = new Map<string, Resolver>();
  const edges = new Map<string, FileEdge>();
  const external = new Map<string, ExternalUse>();
  let unresolved = 0;
  const froms = [...input.facts.keys()].filter((f) => input.facts.get(f)!.imports?.length).sort();
  for (const from of froms) {
    const language = LANGUAGE_BY_EXT[extOf(from)];
    if (!language) continue;
    let resolver = resolvers.get(language);
    if (!resolver) {
      resolver = FACTORIES[language](index);
      resolvers.set(language, resolver);
    }
    for (const imp of input.facts.get(from)!.imports!) {
      let result: Resolution;
      try {
        result = resolver.resolve(from, imp);
      } catch {
        // A resolver bug on odd input must not stop the run; the import simply counts as unresolved.
        result = 'unresolved';
      }
      if (result === 'unresolved') unresolved++;
      else if (result === 'ignore') continue;
      else if ('files' in result) {
        for (const to of result.files) {
          if (to === from) continue;
          const edge: FileEdge = imp.line === undefined ? { from, to, kind: imp.kind } : { from, to, line: imp.line, kind: imp.kind };
          edges.set(`${from}\u0000${to}\u0000${imp.line ?? ''}\u0000${imp.kind}`, edge);
        }
      } else {
        const use: ExternalUse = { file: from, ecosystem: result.external.ecosystem, name: result.external.name };
        if (result.external.subpath) use.subpath = result.external.subpath;
        if (imp.line !== undefined) use.line = imp.line;
        if (imp.kind === 'type') use.typeOnly = true;
        if (imp.optional) use.optional = true;
        external.set(`${from}\u0000${use.ecosystem}\u0000${use.subpath ?? use.name}\u0000${imp.line ?? ''}`, use);
      }
    }
  }
  return {
    edges: [...edges.values()].sort((a, b) => cmp(a.from, b.from) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.to, b.to) || cmp(a.kind, b.kind)),
    external: [...external.values()].sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.ecosystem, b.ecosystem) || cmp(a.name, b.name) || cmp(a.subpath ?? '', b.subpath ?? '')),
    unresolved,
  };
}

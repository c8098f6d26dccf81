/**
 * Languages by extension, file name and shebang, the way linguist decides the easy cases.
 * `programming` languages count towards the language shares; data, markup and prose do not.
 */
export interface LanguageDef {
  name: string;
  type: 'programming' | 'markup' | 'data' | 'prose';
  extensions?: string[];
  fileNames?: string[];
  interpreters?: string[];
}

export const LANGUAGES: LanguageDef[] = [
  { name: 'TypeScript', type: 'programming', extensions: ['.ts', '.tsx', '.mts', '.cts'] },
  { name: 'JavaScript', type: 'programming', extensions: ['.js', '.jsx', '.mjs', '.cjs'], interpreters: ['node', 'nodejs', 'bun', 'deno'] },
  { name: 'Python', type: 'programming', extensions: ['.py', '.pyi', '.pyw'], interpreters: ['python', 'python3', 'python2'] },
  { name: 'Go', type: 'programming', extensions: ['.go'] },
  { name: 'Java', type: 'programming', extensions: ['.java'] },
  { name: 'Kotlin', type: 'programming', extensions: ['.kt', '.kts'] },
  { name: 'Scala', type: 'programming', extensions: ['.scala', '.sc'] },
  { name: 'Groovy', type: 'programming', extensions: ['.groovy', '.gradle'], fileNames: ['Jenkinsfile'] },
  { name: 'C#', type: 'programming', extensions: ['.cs', '.csx'] },
  { name: 'F#', type: 'programming', extensions: ['.fs', '.fsx', '.fsi'] },
  { name: 'Visual Basic .NET', type: 'programming', extensions: ['.vb'] },
  { name: 'Rust', type: 'programming', extensions: ['.rs'] },
  { name: 'Ruby', type: 'programming', extensions: ['.rb', '.rake', '.gemspec', '.ru'], fileNames: ['Gemfile', 'Rakefile', 'Guardfile', 'Podfile'], interpreters: ['ruby'] },
  { name: 'PHP', type: 'programming', extensions: ['.php', '.phtml'], interpreters: ['php'] },
  { name: 'C', type: 'programming', extensions: ['.c', '.h'] },
  { name: 'C++', type: 'programming', extensions: ['.cpp', '.cc', '.cxx', '.hpp', '.hh', '.hxx', '.ipp'] },
  { name: 'Objective-C', type: 'programming', extensions: ['.m', '.mm'] },
  { name: 'Swift', type: 'programming', extensions: ['.swift'] },
  { name: 'Dart', type: 'programming', extensions: ['.dart'] },
  { name: 'Elixir', type: 'programming', extensions: ['.ex', '.exs'] },
  { name: 'Erlang', type: 'programming', extensions: ['.erl', '.hrl'] },
  { name: 'Haskell', type: 'programming', extensions: ['.hs', '.lhs'] },
  { name: 'OCaml', type: 'programming', extensions: ['.ml', '.mli'] },
  { name: 'Clojure', type: 'programming', extensions: ['.clj', '.cljs', '.cljc', '.edn'] },
  { name: 'Lua', type: 'programming', extensions: ['.lua'], interpreters: ['lua'] },
  { name: 'Perl', type: 'programming', extensions: ['.pl', '.pm'], interpreters: ['perl'] },
  { name: 'R', type: 'programming', extensions: ['.r', '.R'] },
  { name: 'Julia', type: 'programming', extensions: ['.jl'] },
  { name: 'Zig', type: 'programming', extensions: ['.zig'] },
  { name: 'Nim', type: 'programming', extensions: ['.nim'] },
  { name: 'Crystal', type: 'programming', extensions: ['.cr'] },
  { name: 'Solidity', type: 'programming', extensions: ['.sol'] },
  { name: 'Vue', type: 'programming', extensions: ['.vue'] },
  { name: 'Svelte', type: 'programming', extensions: ['.svelte'] },
  { name: 'Astro', type: 'programming', extensions: ['.astro'] },
  { name: 'Elm', type: 'programming', extensions: ['.elm'] },
  { name: 'Shell', type: 'programming', extensions: ['.sh', '.bash', '.zsh'], interpreters: ['sh', 'bash', 'zsh', 'dash', 'ksh'] },
  { name: 'PowerShell', type: 'programming', extensions: ['.ps1', '.psm1'], interpreters: ['pwsh'] },
  { name: 'HCL', type: 'programming', extensions: ['.tf', '.hcl', '.tfvars'] },
  { name: 'Dockerfile', type: 'programming', extensions: ['.dockerfile'], fileNames: ['Dockerfile', 'Containerfile'] },
  { name: 'Makefile', type: 'programming', extensions: ['.mk'], fileNames: ['Makefile', 'GNUmakefile', 'makefile'] },
  { name: 'CMake', type: 'programming', extensions: ['.cmake'], fileNames: ['CMakeLists.txt'] },
  { name: 'Nix', type: 'programming', extensions: ['.nix'] },
  { name: 'SQL', type: 'data', extensions: ['.sql'] },
  { name: 'Protocol Buffers', type: 'data', extensions: ['.proto'] },
  { name: 'GraphQL', type: 'data', extensions: ['.graphql', '.gql'] },
  { name: 'HTML', type: 'markup', extensions: ['.html', '.htm'] },
  { name: 'CSS', type: 'markup', extensions: ['.css'] },
  { name: 'SCSS', type: 'markup', extensions: ['.scss', '.sass'] },
  { name: 'Less', type: 'markup', extensions: ['.less'] },
  { name: 'JSON', type: 'data', extensions: ['.json', '.jsonc', '.json5'] },
  { name: 'YAML', type: 'data', extensions: ['.yml', '.yaml'] },
  { name: 'TOML', type: 'data', extensions: ['.toml'] },
  { name: 'XML', type: 'data', extensions: ['.xml', '.csproj', '.fsproj', '.vbproj', '.props', '.targets', '.xsd', '.svg'] },
  { name: 'Markdown', type: 'prose', extensions: ['.md', '.markdown', '.mdx'] },
  { name: 'reStructuredText', type: 'prose', extensions: ['.rst'] },
  { name: 'Text', type: 'prose', extensions: ['.txt'] },
];

const byExtension = new Map<string, LanguageDef>();
const byFileName = new Map<string, LanguageDef>();
const byInterpreter = new Map<string, LanguageDef>();
for (const lang of LANGUAGES) {
  for (const ext of lang.extensions ?? []) byExtension.set(ext, lang);
  for (const name of lang.fileNames ?? []) byFileName.set(name, lang);
  for (const i of lang.interpreters ?? []) byInterpreter.set(i, lang);
}

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Language from the name alone; undefined when only the content could tell. */
export function languageFromName(path: string): LanguageDef | undefined {
  const base = baseName(path);
  const named = byFileName.get(base);
  if (named) return named;
  if (base.startsWith('Dockerfile.') || base.startsWith('Dockerfile-') || base.endsWith('.Dockerfile')) return byFileName.get('Dockerfile');
  const ext = extensionOf(base);
  return byExtension.get(ext) ?? byExtension.get(ext.toLowerCase());
}

/** "#!/usr/bin/env python3" -> Python. */
export function languageFromShebang(firstLine: string): LanguageDef | undefined {
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(firstLine);
  if (!m) return undefined;
  let interpreter = m[1].slice(m[1].lastIndexOf('/') + 1);
  if (interpreter === 'env' && m[2]) interpreter = m[2].startsWith('-') ? '' : m[2];
  interpreter = interpreter.replace(/[\d.]+$/, '') || interpreter;
  return byInterpreter.get(interpreter) ?? byInterpreter.get(interpreter.replace(/\d+$/, ''));
}

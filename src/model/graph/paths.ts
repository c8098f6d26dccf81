/** Posix path helpers for repository-relative paths ("" is the root). No file system access. */

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Join and normalise; returns undefined when the path climbs above the repository root. */
export function joinPath(dir: string, rel: string): string | undefined {
  const parts = dir ? dir.split('/') : [];
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

export function ancestors(dir: string): string[] {
  const out = [dir];
  while (dir) {
    dir = dirOf(dir);
    out.push(dir);
  }
  return out;
}

/** The value of the deepest folder, from `folder` up to the root, that has one: the project a file belongs to. */
export function nearestUp<T>(byFolder: Map<string, T>, folder: string): T | undefined {
  for (let dir = folder; ; dir = dirOf(dir)) {
    const value = byFolder.get(dir);
    if (value !== undefined) return value;
    if (dir === '') return undefined;
  }
}

export function extOf(path: string): string {
  const base = baseOf(path);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}

/** The package ecosystem a source file's own language builds with. */
const ECOSYSTEM_OF_EXTENSION: Record<string, string> = { '.go': 'go', '.rs': 'cargo', '.py': 'pypi', '.java': 'maven', '.kt': 'maven', '.cs': 'nuget', '.php': 'composer', '.rb': 'gem', '.ex': 'hex', '.exs': 'hex' };

/**
 * The deepest owner of a file among those that build its language: a Go file kept in a folder that is an npm
 * package (gotify's ui/serve.go, which embeds the built UI) belongs to the Go module above, not to the UI.
 * Falls back to the deepest owner when no owner above builds that language.
 */
export function codeOwnerOf<T>(byFolder: Map<string, T>, file: string, ecosystemsOf: (owner: T) => ReadonlySet<string> | undefined): T | undefined {
  const nearest = nearestUp(byFolder, dirOf(file));
  const want = ECOSYSTEM_OF_EXTENSION[extOf(file)];
  if (!want || nearest === undefined) return nearest;
  const own = ecosystemsOf(nearest);
  // only a package of JavaScript's own (a package.json and nothing else) is skipped over
  if (!own || own.size !== 1 || !own.has('npm')) return nearest;
  for (let dir = dirOf(dirOf(file)); ; dir = dirOf(dir)) {
    const owner = byFolder.get(dir);
    if (owner !== undefined && owner !== nearest && ecosystemsOf(owner)?.has(want)) return owner;
    if (dir === '') return nearest;
  }
}

/**
 * codeOwnerOf for many files against one fixed set of owners, remembered per file: evidence lists name the
 * same files again and again (every import of a package, once per part that is asked about).
 */
export function codeOwnerLookup<T>(byFolder: Map<string, T>, ecosystemsOf: (owner: T) => ReadonlySet<string> | undefined): (file: string) => T | undefined {
  const known = new Map<string, T | undefined>();
  return (file) => {
    if (known.has(file)) return known.get(file);
    const owner = codeOwnerOf(byFolder, file, ecosystemsOf);
    known.set(file, owner);
    return owner;
  };
}

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

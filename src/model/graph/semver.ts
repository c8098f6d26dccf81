/**
 * Whether a package of this repository is the one an npm dependency installs. npm and Yarn link a workspace
 * member for a plain version range only when the member's version satisfies it; otherwise the package comes
 * from the registry, whatever its name (langfuse's web/ depends on the published "langfuse": "3.38.4" SDK while
 * the repository's private root is also called langfuse, at 4.16.0).
 */

type Version = [number, number, number];

/**
 * True when `range` (as package.json writes it) is satisfied by `version`. Only ranges read with certainty count:
 * a dist-tag ("latest"), a git or URL spec, pnpm's "catalog:", or a member without a version is no match.
 */
export function satisfiesRange(range: string, version: string | undefined): boolean {
  const r = range.trim();
  if (r === '' || r === '*' || r === 'x' || r === 'X') return true;
  const v = version !== undefined ? parseVersion(version) : undefined;
  if (!v) return false;
  return r.split('||').some((set) => comparatorSet(set.trim(), v));
}

function comparatorSet(set: string, v: Version): boolean {
  if (set === '' || set === '*') return true;
  // a hyphen range: 1.2.3 - 2.3.4
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
  if (hyphen) {
    const lo = partial(hyphen[1]);
    const hi = partial(hyphen[2]);
    if (!lo || !hi) return false;
    return compare(v, fill(lo, 0)) >= 0 && (hi.length === 3 ? compare(v, fill(hi, 0)) <= 0 : compare(v, bump(hi)) < 0);
  }
  const tokens = set.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/);
  return tokens.every((token) => comparator(token, v));
}

function comparator(token: string, v: Version): boolean {
  const m = /^(>=|<=|>|<|=|\^|~>?|v)?(.*)$/.exec(token);
  if (!m) return false;
  const op = m[1] ?? '';
  const p = partial(m[2]);
  if (!p) return false;
  const low = fill(p, 0);
  switch (op) {
    case '>=':
      return compare(v, low) >= 0;
    case '>':
      return p.length === 3 ? compare(v, low) > 0 : compare(v, bump(p)) >= 0;
    case '<=':
      return p.length === 3 ? compare(v, low) <= 0 : compare(v, bump(p)) < 0;
    case '<':
      return compare(v, low) < 0;
    case '^': {
      // ^1.2.3 < 2.0.0; ^0.2.3 < 0.3.0; ^0.0.3 < 0.0.4
      const upper: number[] = low[0] > 0 || p.length === 1 ? [low[0] + 1, 0, 0] : low[1] > 0 || p.length === 2 ? [0, low[1] + 1, 0] : [0, 0, low[2] + 1];
      return compare(v, low) >= 0 && compare(v, upper as Version) < 0;
    }
    case '~':
    case '~>':
      return compare(v, low) >= 0 && compare(v, p.length === 1 ? [low[0] + 1, 0, 0] : [low[0], low[1] + 1, 0]) < 0;
    default:
      // 1.2.3 exactly; 1.2 or 1.x any 1.2.*
      return p.length === 3 ? compare(v, low) === 0 : compare(v, low) >= 0 && compare(v, bump(p)) < 0;
  }
}

/** "1.2.3" -> [1,2,3]; "1.2" or "1.2.x" -> [1,2]; anything else undefined. A prerelease or build suffix is dropped. */
function partial(text: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+][0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!m) return undefined;
  const parts: number[] = [];
  for (const s of [m[1], m[2], m[3]]) {
    if (s === undefined || /^[xX*]$/.test(s)) break;
    parts.push(Number(s));
  }
  return parts;
}

function parseVersion(text: string): Version | undefined {
  const p = partial(text);
  return p && p.length === 3 ? (p as Version) : undefined;
}

function fill(p: number[], n: number): Version {
  return [p[0] ?? n, p[1] ?? n, p[2] ?? n];
}

/** The first version above every one a partial version names: 1.2 -> 1.3.0, 1 -> 2.0.0. */
function bump(p: number[]): Version {
  if (p.length === 0) return [Infinity, 0, 0];
  if (p.length === 1) return [p[0] + 1, 0, 0];
  return [p[0], p[1] + 1, 0];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * Where a fact was seen. Every claim archmd makes carries at least one.
 * `file` is relative to the analysed root, with forward slashes; `rule` names what matched,
 * e.g. "npm dependency", "compose service", "catalogue:postgresql/image".
 */
export interface Evidence {
  file: string;
  line?: number;
  rule: string;
}

export function evidence(file: string, rule: string, line?: number): Evidence {
  return line === undefined ? { file, rule } : { file, line, rule };
}

/** Stable order and no duplicates, so output never depends on discovery order. */
export function mergeEvidence(...lists: Evidence[][]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const list of lists) {
    for (const e of list) {
      const key = `${e.file}\u0000${e.line ?? ''}\u0000${e.rule}`;
      if (!seen.has(key)) seen.set(key, e);
    }
  }
  return [...seen.values()].sort(compareEvidence);
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Manifests of ecosystems whose code archmd reads imports from, so a dependency in use also shows as an import. */
const IMPORTS_READ = /(?:^|\/)(?:package\.json|pyproject\.toml|requirements[^/]*\.(?:txt|in)|setup\.(?:py|cfg)|Pipfile|go\.mod|Cargo\.toml|composer\.json)$/;

/**
 * Evidence that only declares a client library, in a language whose imports are read: declared and never
 * imported or configured (mealie's paho-mqtt), it is no sign the system talks to that store or broker.
 */
export function onlyDeclared(list: Evidence[]): boolean {
  return list.length > 0 && list.every((e) => /^\w+ dependency\b/.test(e.rule) && IMPORTS_READ.test(e.file));
}

/**
 * Evidence that infrastructure code provisions the thing: a Terraform, CloudFormation or Bicep resource, an
 * Azure Verified Module, or a platform config that asks for a managed service by name (a Heroku add-on,
 * Firestore in firebase.json); one deployed only on a condition (an option the template offers) does not count.
 */
export function provisioned(e: Evidence): boolean {
  // (a deploy button's add-ons are set up for whoever presses it, not for the project's own deployment)
  return /^(?:terraform resource|CloudFormation resource|Bicep resource|Bicep module)|^[\w. -]+ provisions /.test(e.rule) && !e.rule.includes(' (conditional)') && !e.rule.includes('deploy button');
}

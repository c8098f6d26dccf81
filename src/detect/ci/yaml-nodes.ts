/**
 * Thin helpers over the `yaml` node tree. CI files lean on anchors and merge keys, and every fact needs a
 * line, so readers walk nodes (which keep source ranges) rather than plain parsed values.
 */
import { flowDepthExceeds, MAX_FLOW_DEPTH } from '../yaml-guard.js';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { Warning } from '../facts.js';

export interface YamlFile {
  docs: Document.Parsed[];
  /** 1-based line of a node (or of a key node), undefined when the node has no range. */
  lineOf(node: unknown): number | undefined;
  warnings: Warning[];
}

export function parseYamlFile(path: string, text: string): YamlFile {
  const lines = new LineCounter();
  const warnings: Warning[] = [];
  const docs: Document.Parsed[] = [];
  if (flowDepthExceeds(text, MAX_FLOW_DEPTH)) {
    warnings.push({ file: path, message: `YAML nested more than ${MAX_FLOW_DEPTH} levels deep; not read` });
    return { docs, lineOf: () => undefined, warnings };
  }
  try {
    const parsed = parseAllDocuments(text, { lineCounter: lines, merge: true, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
    const list = Array.isArray(parsed) ? parsed : [];
    for (const doc of list) {
      if (doc.errors.length > 0) {
        warnings.push({ file: path, message: `malformed YAML: ${doc.errors[0].message.split('\n')[0]}` });
        continue;
      }
      if (doc.contents) docs.push(doc);
    }
  } catch (err) {
    warnings.push({ file: path, message: `unreadable YAML: ${err instanceof Error ? err.message : String(err)}` });
  }
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  return { docs, lineOf, warnings };
}

/**
 * What a CI reader says of a file whose first document is not a mapping: the parser's own warnings, or
 * nothing at all for a file that is empty or wholly commented out (a pipeline switched off), or that it
 * is not a mapping.
 */
export function notAMapping(yaml: YamlFile, path: string, what: string): { warnings?: Warning[] } {
  if (yaml.warnings.length > 0) return { warnings: yaml.warnings };
  if (yaml.docs.length === 0) return {};
  return { warnings: [{ file: path, message: `${what} is not a YAML mapping` }] };
}

const aliasTargets = new WeakMap<object, unknown>();

/** Follows aliases; depth-bounded so a malicious alias chain cannot loop. */
export function deref(node: unknown, doc: Document.Parsed, depth = 0): unknown {
  let current = node;
  for (let i = 0; i < 20 && isAlias(current); i++) {
    // yaml's Alias.resolve walks the whole document each time: remember, or alias-heavy files go quadratic
    const alias = current;
    if (!aliasTargets.has(alias)) aliasTargets.set(alias, alias.resolve(doc));
    current = aliasTargets.get(alias);
  }
  return isAlias(current) || depth > 20 ? undefined : current;
}

export interface Entry {
  key: string;
  keyNode: unknown;
  value: unknown;
}

/** Map entries with merge keys (`<<: *defaults`) expanded; own keys win over merged ones. */
export function entries(node: unknown, doc: Document.Parsed, depth = 0): Entry[] {
  const map = deref(node, doc);
  if (!isMap(map) || depth > 10) return [];
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const pair of map.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined) continue;
    if (key === '<<') {
      const source = deref(pair.value, doc);
      const sources = isSeq(source) ? source.items : [source];
      for (const s of sources) merged.push(...entries(s, doc, depth + 1));
      continue;
    }
    own.push({ key, keyNode, value: pair.value });
  }
  const seen = new Set(own.map((e) => e.key));
  return [...own, ...merged.filter((e) => !seen.has(e.key))];
}

export function get(node: unknown, key: string, doc: Document.Parsed): unknown {
  return entries(node, doc).find((e) => e.key === key)?.value;
}

export function getEntry(node: unknown, key: string, doc: Document.Parsed): Entry | undefined {
  return entries(node, doc).find((e) => e.key === key);
}

export function items(node: unknown, doc: Document.Parsed): unknown[] {
  const seq = deref(node, doc);
  return isSeq(seq) ? seq.items.map((i) => deref(i, doc)) : [];
}

/** Scalar as a string (numbers and booleans too), else undefined. */
export function str(node: unknown, doc: Document.Parsed): string | undefined {
  const n = deref(node, doc);
  if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
  return typeof n.value === 'object' ? undefined : String(n.value);
}

/**
 * A scalar or a (nested) list of scalars as strings: `script:` accepts both. The budget bounds the nodes
 * visited, since nested aliases let a few lines describe billions of items (depth alone does not).
 */
export function strings(node: unknown, doc: Document.Parsed, depth = 0, budget = { left: 10_000 }): string[] {
  if (depth > 5 || --budget.left < 0) return [];
  const n = deref(node, doc);
  if (isSeq(n)) return n.items.flatMap((i) => strings(i, doc, depth + 1, budget));
  const s = str(n, doc);
  return s === undefined ? [] : [s];
}

export function isMapNode(node: unknown, doc: Document.Parsed): boolean {
  return isMap(deref(node, doc));
}

export function isSeqNode(node: unknown, doc: Document.Parsed): boolean {
  return isSeq(deref(node, doc));
}

/**
 * Calls `visit` on every mapping under `node` (aliases followed), parents first. Bounded in depth and in
 * total visits, since aliases let a small file describe an exponentially large tree.
 */
export function visitMaps(node: unknown, doc: Document.Parsed, visit: (map: unknown, key?: string) => void): void {
  let budget = 20000;
  const walk = (n0: unknown, key: string | undefined, depth: number): void => {
    if (depth > 30 || --budget < 0) return;
    const n = deref(n0, doc);
    if (isMap(n)) {
      visit(n, key);
      for (const e of entries(n, doc)) walk(e.value, e.key, depth + 1);
    } else if (isSeq(n)) {
      for (const item of n.items) walk(item, key, depth + 1);
    }
  };
  walk(node, undefined, 0);
}

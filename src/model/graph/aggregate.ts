/** File edges rolled up to groups (modules, components, containers) by an owner function. */
import { compareEvidence, evidence } from '../evidence.js';
import type { FileEdge, GroupEdge } from './types.js';

const SAMPLES = 3;

export function aggregateEdges(edges: FileEdge[], ownerOf: (path: string) => string | undefined): GroupEdge[] {
  const groups = new Map<string, { from: string; to: string; edges: FileEdge[] }>();
  for (const edge of edges) {
    const from = ownerOf(edge.from);
    const to = ownerOf(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}`;
    const group = groups.get(key);
    if (group) group.edges.push(edge);
    else groups.set(key, { from, to, edges: [edge] });
  }
  const out: GroupEdge[] = [];
  for (const { from, to, edges: list } of groups.values()) {
    // Samples are the first imports in file/line order, so they are the same on every run.
    const samples = list.map((e) => evidence(e.from, 'import', e.line)).sort(compareEvidence).slice(0, SAMPLES);
    out.push({ from, to, weight: list.length, evidence: samples, typeOnly: list.every((e) => e.kind === 'type') });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/**
 * Bicep modules, resolved across files. An azd template ships a library of modules (infra/core/...) of which
 * its main.bicep deploys a few: a module no deployed template reaches (the stock AKS cluster, an unused SQL
 * server) provisions nothing, so its resources and its Azure hosting are dropped from its facts; one reached
 * only through a conditional module is optional.
 */
import type { FileFacts } from './facts.js';
import { resolveRelative } from './infra/util.js';

const ENTRY = /(?:^|\/)main\.bicep$/;

export function pruneUnreachableBicep(facts: Map<string, FileFacts>): void {
  const bicep = [...facts.keys()].filter((path) => path.endsWith('.bicep'));
  const roots = bicep.filter((path) => ENTRY.test(path));
  // without a main.bicep, which template is deployed is not known: every file counts
  if (!roots.length) return;
  // what main.bicep deploys whatever its parameters say, and what it may deploy (a module behind `= if (useAPIM)`)
  const always = reach(facts, roots, false);
  const maybe = reach(facts, roots, true);
  for (const path of bicep) {
    if (always.has(path)) continue;
    const f = facts.get(path)!;
    if (!f.iac && !f.hosting) continue;
    const pruned = { ...f };
    delete pruned.hosting;
    // a module reached only through a conditional one is an option of the template, like that module
    if (maybe.has(path) && f.iac) pruned.iac = f.iac.map((fact) => ({ ...fact, conditional: true as const }));
    else delete pruned.iac;
    facts.set(path, pruned);
  }
}

function reach(facts: Map<string, FileFacts>, roots: string[], throughConditions: boolean): Set<string> {
  const reached = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const path = stack.pop()!;
    if (reached.has(path)) continue;
    reached.add(path);
    for (const f of facts.get(path)?.iac ?? []) {
      if (f.tool !== 'bicep' || f.kind !== 'module' || !f.type.endsWith('.bicep') || f.type.includes(':')) continue;
      if (f.conditional && !throughConditions) continue;
      const target = resolveRelative(path, f.type);
      if (target !== undefined && facts.has(target)) stack.push(target);
    }
  }
  return reached;
}

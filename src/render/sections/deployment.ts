/** Deployment Architecture: hosting, environments, pipelines, container runtime and infrastructure as code. */
import type { ArchitectureModel, Pipeline } from '../../model/types.js';
import { bullet, code, factList, text } from '../markdown.js';
import type { View } from '../view.js';

export function renderDeployment(model: ArchitectureModel, view: View): string {
  const d = model.deployment;
  const lines: string[] = [];
  if (d.hosting.length) lines.push(bullet('Hosting', factList(d.hosting, 1)));
  else if (view.isLibraryLike() && view.own.length) lines.push(bullet('Hosting', 'none: nothing here is deployed as a service; it is distributed as a package or binary'));
  else lines.push(bullet('Hosting', 'no cloud provider, PaaS or orchestrator configuration found'));
  lines.push(bullet('Environments', d.environments.length ? factList(d.environments, 1) : 'no environment-specific configuration found'));
  lines.push(bullet('CI/CD Pipeline', d.pipelines.length ? pipelines(d.pipelines) : unreadPipelines(model)));
  if (d.runtime.length) lines.push(bullet('Containers and orchestration', factList(d.runtime, 1)));
  if (d.iac.length) lines.push(bullet('Infrastructure as code', factList(d.iac, 1)));
  if (d.managedServices.length) lines.push(bullet('Managed services', factList(d.managedServices, 1)));
  return lines.join('\n');
}

/** A CI system known by its file (Woodpecker, Drone) whose pipelines archmd does not read: named, not denied. */
function unreadPipelines(model: ArchitectureModel): string {
  const systems = model.technologies
    .filter((t) => t.category === 'ci-cd')
    .map((t) => ({ t, file: t.evidence.find((e) => /^(?:file |CloudFormation resource|terraform resource)/.test(e.rule))?.file }))
    .filter((s) => s.file !== undefined);
  if (!systems.length) return 'no CI configuration found';
  return `${systems.map((s) => `${text(s.t.name)} (${code(s.file!)})`).join(', ')}; archmd does not read ${systems.length > 1 ? 'their' : 'its'} steps`;
}

function pipelines(list: Pipeline[]): string {
  const bySystem = new Map<string, Pipeline[]>();
  for (const p of list) bySystem.set(p.system, [...(bySystem.get(p.system) ?? []), p]);
  const parts: string[] = [];
  for (const [system, ps] of bySystem) {
    // the pipelines that build, test or deploy first; housekeeping (labelers, stale bots) after, cut first
    const ranked = [...ps].sort((a, b) => Number(b.stages.length > 0 || b.deployTargets.length > 0) - Number(a.stages.length > 0 || a.deployTargets.length > 0));
    const shown = ranked.slice(0, 8).map((p) => {
      const what = [p.stages.join(', '), p.deployTargets.length ? `deploys to ${p.deployTargets.join(', ')}` : '', p.environments.length ? `environments ${p.environments.join(', ')}` : '']
        .filter(Boolean)
        .join('; ');
      return `${text(p.name)} (${code(p.evidence[0].file)}${what ? `: ${text(what)}` : ''})`;
    });
    parts.push(`${system}: ${shown.join(', ')}${ps.length > 8 ? ', …' : ''}`);
  }
  return parts.join('; ');
}

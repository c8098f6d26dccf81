/** Azure Pipelines (azure-pipelines.yml, templates under .azure-pipelines/, azd's .azdo/pipelines/): stages, jobs, tasks. */
import type { FileFacts, Reader } from '../facts.js';
import { PipelineSignals, stripComments } from './signals.js';
import { get, getEntry, isMapNode, parseYamlFile, str, strings, visitMaps, notAMapping } from './yaml-nodes.js';

/** Tasks whose `command:` input is the whole story; turned into the equivalent command line. */
function taskAsCommand(task: string, inputs: (k: string) => string | undefined): string | undefined {
  const command = (inputs('command') ?? '').toLowerCase();
  switch (task) {
    case 'dotnetcorecli':
      return command ? `dotnet ${command}` : undefined;
    case 'npm':
      return command === 'custom' ? `npm ${inputs('customCommand') ?? ''}` : command ? `npm ${command}` : undefined;
    case 'maven':
      return `mvn ${inputs('goals') ?? 'package'}`;
    case 'gradle':
      return `gradlew ${inputs('tasks') ?? 'build'}`;
    case 'docker':
      return command === 'push' || command === 'buildandpush' ? 'docker push' : command === 'build' ? 'docker build' : undefined;
    case 'nugetcommand':
      return command === 'push' ? 'nuget push' : undefined;
    case 'vstest':
    case 'publishtestresults':
      return 'dotnet test';
    default:
      return undefined;
  }
}

export const azurePipelinesReader: Reader = {
  id: 'ci/azure-pipelines',
  // .azdo/pipelines/ is where the Azure Developer CLI keeps its Azure DevOps pipeline
  patterns: [/(^|\/)azure-pipelines?[\w.-]*\.ya?ml$/, /(^|\/)\.azure-pipelines\/[^/]+\.ya?ml$/, /(^|\/)\.azdo\/pipelines\/[^/]+\.ya?ml$/],
  read(path, text): Omit<FileFacts, 'path'> {
    const yaml = parseYamlFile(path, text);
    const doc = yaml.docs[0];
    if (!doc || !isMapNode(doc.contents, doc)) return notAMapping(yaml, path, 'Azure Pipelines file');
    const root = doc.contents;
    const signals = new PipelineSignals();
    const names: string[] = [];
    const commands: string[] = [];
    const uses: string[] = [];
    visitMaps(root, doc, (map) => {
      for (const k of ['stage', 'job', 'deployment', 'displayName']) {
        const v = str(get(map, k, doc), doc);
        if (v) names.push(v);
      }
      for (const k of ['script', 'bash', 'pwsh', 'powershell']) commands.push(...strings(get(map, k, doc), doc));
      const taskNode = get(map, 'task', doc);
      const task = str(taskNode, doc);
      if (task) {
        signals.addUses(task, yaml.lineOf(taskNode));
        const name = task.replace(/@.*$/, '');
        uses.push(name);
        const inputs = get(map, 'inputs', doc);
        const asCommand = taskAsCommand(name.toLowerCase(), (k) => str(get(inputs, k, doc), doc));
        if (asCommand) commands.push(asCommand);
        // Script tasks (AzureCLI, Bash, PowerShell) carry their commands as inputs.
        for (const k of ['inlineScript', 'script']) {
          const v = str(get(inputs, k, doc), doc);
          if (v) commands.push(v);
        }
      }
      const template = get(map, 'template', doc);
      const templateRef = str(template, doc);
      if (templateRef) signals.addUses(templateRef, yaml.lineOf(template));
      if (get(map, 'deployment', doc) !== undefined) {
        const env = get(map, 'environment', doc);
        // "production.my-vm" is environment "production", resource "my-vm".
        const envName = isMapNode(env, doc) ? str(get(env, 'name', doc), doc) : str(env, doc);
        signals.addEnvironment(envName?.split('.')[0]);
      }
    });
    signals.addJob({ names, commands, uses, context: stripComments(text) });
    const trigger = getEntry(root, 'trigger', doc);
    if (trigger && str(trigger.value, doc) !== 'none') signals.triggers.add('push');
    const pr = getEntry(root, 'pr', doc);
    if (pr && str(pr.value, doc) !== 'none') signals.triggers.add('pull_request');
    if (getEntry(root, 'schedules', doc)) signals.triggers.add('schedule');
    // Top-level `name:` is a run-number format, not a pipeline name, so the file names the pipeline.
    const fact = signals.toFact('Azure Pipelines', path, 1);
    const out: Omit<FileFacts, 'path'> = { pipelines: [fact] };
    if (fact.uses) out.actions = fact.uses.map((u) => ({ ...u }));
    if (yaml.warnings.length) out.warnings = yaml.warnings;
    return out;
  },
};

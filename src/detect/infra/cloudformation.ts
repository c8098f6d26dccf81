/** CloudFormation and SAM templates (YAML or JSON): resource types, Lambda functions and their HTTP events. */
import type { ApiFact, FileFacts, IacFact, Reader, ServiceFact } from '../facts.js';
import { asString, compact, escapeRegExp, isRecord, lineOfText, parseJson, parseYaml, resolveRelative, type YamlPath } from './util.js';

/** Files other readers own that may mention AWS:: types (Serverless Framework embeds CloudFormation). */
const OTHER_OWNERS = /(^|\/)(serverless[\w.-]*\.ya?ml|\.github\/.*|\.gitlab-ci[\w.-]*\.ya?ml|package(-lock)?\.json|tsconfig[\w.-]*\.json|cdk\.out\/.*)$/;

interface Template {
  value: Record<string, unknown>;
  lineOf(path: YamlPath): number | undefined;
}

function load(path: string, text: string): { template?: Template; warnings: FileFacts['warnings'] } {
  if (/^\s*\{/.test(text)) {
    const { value, warnings } = parseJson(path, text);
    if (!isRecord(value)) return { warnings };
    // JSON keeps no positions: the first "LogicalId": is close enough for a logical id or a key
    const lineOf = (p: YamlPath) => lineOfText(text, new RegExp(`"${escapeRegExp(String(p[p.length - 1]))}"\\s*:`));
    return { template: { value, lineOf }, warnings };
  }
  const { docs, warnings } = parseYaml(path, text);
  const doc = docs[0];
  if (doc && isRecord(doc.value) && !warnings?.length) return { template: { value: doc.value, lineOf: doc.lineOf }, warnings };
  // AWS accepts templates a strict YAML 1.2 parser rejects (flow maps less indented than their key); keep the
  // warning, and still read the resource types line by line
  return { template: lenientTemplate(text), warnings };
}

/** Resources and their Type from the block layout alone: `Resources:`, then `  Id:`, then `    Type: AWS::...`. */
function lenientTemplate(text: string): Template | undefined {
  const lines = text.split(/\r?\n/);
  const resources: Record<string, { Type?: string }> = {};
  const lineById = new Map<string, number>();
  let inResources = false;
  let entryIndent = -1;
  let childIndent = -1;
  let current: string | undefined;
  lines.forEach((line, i) => {
    if (/^Resources:\s*(#.*)?$/.test(line)) {
      inResources = true;
      lineById.set('Resources', i + 1);
      return;
    }
    if (!line.trim() || /^\s*#/.test(line)) return;
    if (/^\S/.test(line)) inResources = false;
    if (!inResources) return;
    const indent = line.length - line.trimStart().length;
    const entry = /^ +([A-Za-z0-9]+):\s*(#.*)?$/.exec(line);
    if (entry && (entryIndent < 0 || indent === entryIndent)) {
      entryIndent = indent;
      current = entry[1];
      childIndent = -1;
      resources[current] = {};
      lineById.set(current, i + 1);
      return;
    }
    if (!current || indent <= entryIndent) return;
    if (childIndent < 0) childIndent = indent;
    const type = /^ +Type:\s*["']?((?:AWS|Alexa|Custom)::[\w:]+)["']?\s*(#.*)?$/.exec(line);
    if (type && indent === childIndent) resources[current].Type = type[1];
  });
  if (!Object.values(resources).some((r) => r.Type)) return undefined;
  const value: Record<string, unknown> = { Resources: resources };
  if (/^AWSTemplateFormatVersion:/m.test(text)) value.AWSTemplateFormatVersion = true;
  if (/^Transform:.*AWS::Serverless/m.test(text)) value.Transform = 'AWS::Serverless';
  const lineOf = (p: YamlPath) =>
    p.length === 1 && p[0] === 'AWSTemplateFormatVersion' ? lineOfText(text, /^AWSTemplateFormatVersion:/m) : lineById.get(String(p[p.length - 1]));
  return { value, lineOf };
}

function readEvents(events: unknown, apis: ApiFact[], template: Template, at: YamlPath, service: string): void {
  if (!isRecord(events)) return;
  for (const [id, ev] of Object.entries(events)) {
    if (!isRecord(ev) || !isRecord(ev.Properties)) continue;
    if (ev.Type === 'Api' || ev.Type === 'HttpApi') {
      const p = asString(ev.Properties.Path);
      const method = asString(ev.Properties.Method);
      if (p && method) apis.push({ style: 'REST', name: `${method === 'any' ? 'ANY' : method.toUpperCase()} ${p}`, role: 'serves', line: template.lineOf([...at, id]), service });
    }
  }
}

/** Where a reference makes a topic or queue a side channel: alarm notifications and dead letters. */
const SIDE_CHANNEL = /^(?:(?:Alarm|OK|InsufficientData)Actions?|DeadLetterConfig|DeadLetterQueue|RedrivePolicy|OnFailure)$/;
/** Where a reference says nothing of its use: a metric dimension, an output for other stacks. */
const NEUTRAL = /^(?:Dimensions|Outputs)$/;
/** Named for what it is: a dead-letter queue, an alarm topic. */
const SIDE_NAME = /dead.?letter|dlq|alarm/i;

/**
 * Topics and queues the template refers to only from alarm actions and dead-letter settings, or named as such
 * and used nowhere else. A reference is a `!Ref Id`, `!GetAtt Id.Arn` or `${Id}` (read as plain strings), or
 * JSON's {"Ref": "Id"} / {"Fn::GetAtt": ["Id", ...]}.
 */
function sideChannels(template: Record<string, unknown>, resources: Record<string, unknown>): Set<string> {
  const candidates = new Set(
    Object.entries(resources)
      .filter(([, r]) => isRecord(r) && (r.Type === 'AWS::SNS::Topic' || r.Type === 'AWS::SQS::Queue'))
      .map(([id]) => id),
  );
  if (!candidates.size) return candidates;
  const used = new Set<string>();
  const side = new Set<string>();
  const visit = (value: unknown, context: 'use' | 'side' | 'neutral', owner: string, depth: number): void => {
    if (depth > 40) return;
    if (typeof value === 'string') {
      // !Ref Id, !GetAtt Id.Arn, and !Sub "arn:...:${Id}" inside a longer string
      const ids = value.includes('${') ? [...value.matchAll(/\$\{([A-Za-z0-9]+)/g)].map((m) => m[1]) : [value.split('.')[0]];
      for (const id of ids) {
        if (!candidates.has(id) || id === owner) continue;
        if (context === 'use') used.add(id);
        else if (context === 'side') side.add(id);
      }
      return;
    }
    const next = (key: string) => (context !== 'use' ? context : SIDE_CHANNEL.test(key) ? 'side' : NEUTRAL.test(key) ? 'neutral' : 'use');
    if (Array.isArray(value)) for (const v of value) visit(v, context, owner, depth + 1);
    else if (isRecord(value)) for (const [k, v] of Object.entries(value)) visit(v, next(k), owner, depth + 1);
  };
  for (const [id, r] of Object.entries(resources)) visit(r, 'use', id, 0);
  visit(template.Outputs, 'neutral', '', 0);
  return new Set([...candidates].filter((id) => !used.has(id) && (side.has(id) || SIDE_NAME.test(id))));
}

export const cloudformationReader: Reader = {
  id: 'cloudformation',
  extensions: ['.yaml', '.yml', '.json', '.template'],
  sniff: (text) => /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::/.test(text),
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    if (OTHER_OWNERS.test(path) || !/AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::/.test(text)) return {};
    const { template, warnings } = load(path, text);
    if (!template || !isRecord(template.value.Resources)) return compact({ warnings });
    const resources = template.value.Resources;
    const iac: IacFact[] = [];
    const services: ServiceFact[] = [];
    const apis: ApiFact[] = [];
    const auxiliary = sideChannels(template.value, resources);
    for (const [id, res] of Object.entries(resources)) {
      const type = isRecord(res) ? asString(res.Type) : undefined;
      if (!type || !isRecord(res)) continue;
      const line = template.lineOf(['Resources', id]);
      const props = isRecord(res.Properties) ? res.Properties : {};
      const timer = type === 'AWS::Events::Rule' && props.ScheduleExpression !== undefined && props.EventPattern === undefined;
      // a layer's ContentUri (SAM) or packaged Content (CloudFormation) is the folder of code the functions share
      const layerCode = type === 'AWS::Serverless::LayerVersion' ? asString(props.ContentUri) : type === 'AWS::Lambda::LayerVersion' ? asString(props.Content) : undefined;
      const code = layerCode ? resolveRelative(path, layerCode) : undefined;
      iac.push({ tool: 'cloudformation', kind: 'resource', type, name: id, line, ...(timer ? { schedule: true as const } : {}), ...(auxiliary.has(id) ? { auxiliary: true as const } : {}), ...(code !== undefined ? { code } : {}) });
      if (type === 'AWS::Serverless::Function' || type === 'AWS::Lambda::Function') {
        const codeUri = asString(props.CodeUri);
        const build = codeUri ? resolveRelative(path, codeUri) : undefined;
        services.push(compact({ name: id, source: type.startsWith('AWS::Serverless') ? 'sam' : 'cloudformation', kind: 'function' as const, build, line }));
        readEvents(props.Events, apis, template, ['Resources', id, 'Properties', 'Events'], id);
      }
    }
    const isAws = 'AWSTemplateFormatVersion' in template.value || iac.some((f) => f.type.startsWith('AWS::'));
    if (!isAws) return compact({ warnings });
    const transform = JSON.stringify(template.value.Transform ?? '');
    const via = transform.includes('AWS::Serverless') ? 'sam template' : 'cloudformation template';
    const hostingLine = template.lineOf(['AWSTemplateFormatVersion']) ?? template.lineOf(['Resources']);
    // a SAM stack that deploys functions built from this repository's code runs them on Lambda: said so, it is not
    // taken for covered by another AWS host (the AWS Amplify an amplify.yml names builds and hosts only the frontend)
    const provider = via === 'sam template' && services.some((s) => s.build !== undefined) ? 'AWS Lambda' : 'AWS';
    return compact({ iac, services, apis, hosting: [{ provider, via, ...(hostingLine ? { line: hostingLine } : {}) }], warnings });
  },
};

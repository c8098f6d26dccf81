/**
 * .NET Aspire: an AppHost's Program.cs is the system's composition, in C#. Each `builder.Add…("name")`
 * statement declares a resource (a project it runs, a Redis, a PostgreSQL and its databases); the calls
 * chained onto it say whether the outside reaches it (`WithExternalHttpEndpoints`) and what it references.
 */
import type { AspireResourceFact, FileFacts, Reader } from '../facts.js';
import { lex, lineAt } from '../source/lexer.js';

/** `var api = builder.AddProject<Projects.Basket_API>("basket-api")`, `postgres.AddDatabase("catalogdb")`, `builder.AddYarp("mobile-bff")`. */
const DECLARATION = /(?:\bvar\s+(\w+)\s*=\s*)?\b(\w+)\s*\.\s*(Add\w+)\s*(?:<\s*(?:global::)?Projects\.(\w+)\s*>)?\s*\(\s*"/g;

export function readAppHost(_path: string, text: string): Omit<FileFacts, 'path'> {
  const lexed = lex(text, 'csharp');
  const code = lexed.code;
  const resources: AspireResourceFact[] = [];
  const builder = /\b(\w+)\s*=\s*DistributedApplication\s*\.\s*CreateBuilder\b/.exec(code)?.[1] ?? 'builder';
  const declared = new Set<string>();
  // `var identityEndpoint = identityApi.GetEndpoint("https")`: an endpoint variable stands for its resource
  const endpoints = new Map([...code.matchAll(/\bvar\s+(\w+)\s*=\s*(\w+)\s*\.\s*GetEndpoint\s*\(/g)].map((m) => [m[1], m[2]]));
  for (const m of code.matchAll(DECLARATION)) {
    const [, variable, receiver, method, project] = m;
    // added to the app model, or to a resource of it (not `builder.Configuration.AddJsonFile("…")`)
    if (receiver !== builder && !declared.has(receiver)) continue;
    // the name is the literal that opens the call (the lexer keeps literals by their opening quote)
    const name = lexed.strings.get(m.index + m[0].length - 1);
    if (!name) continue;
    // the statement runs to its semicolon: the calls chained onto the declaration
    const end = code.indexOf(';', m.index + m[0].length);
    const chain = code.slice(m.index + m[0].length, end === -1 ? undefined : end);
    const resource: AspireResourceFact = { name, method, line: lineAt(lexed, m.index + m[0].indexOf(receiver)) };
    if (variable) (resource.variable = variable), declared.add(variable);
    if (project) resource.project = project;
    // `postgres.AddDatabase("catalogdb")`: a database on the server another statement declared
    if (receiver !== builder) resource.parent = receiver;
    if (/\.\s*WithExternalHttpEndpoints\s*\(/.test(chain)) resource.external = true;
    const references = referencesIn(chain, endpoints);
    if (references.length) resource.references = references;
    resources.push(resource);
  }
  // `webApp.WithExternalHttpEndpoints();` or `api.WithReference(cache);` later on: the same resource, changed
  for (const resource of resources) {
    if (!resource.variable) continue;
    for (const m of code.matchAll(new RegExp(`(?:^|[;{}])\\s*${resource.variable}\\s*\\.\\s*With`, 'g'))) {
      const end = code.indexOf(';', m.index + m[0].length);
      const chain = code.slice(m.index + m[0].length - 5, end === -1 ? undefined : end);
      if (/\.\s*WithExternalHttpEndpoints\s*\(/.test(chain)) resource.external = true;
      const more = [...chain.matchAll(/\.\s*WithReference\s*\(\s*(\w+)/g)].map((r) => r[1]).filter((r) => !resource.references?.includes(r));
      if (more.length) resource.references = [...(resource.references ?? []), ...more];
    }
  }
  return resources.length ? { aspire: resources } : {};
}

/**
 * What a declaration's chained calls point it at: `WithReference(catalogDb)`, and another resource's endpoint
 * passed in its environment (`WithEnvironment("Identity__Url", identityEndpoint)`, where `identityEndpoint =
 * identityApi.GetEndpoint("https")`).
 */
function referencesIn(chain: string, endpoints: Map<string, string>): string[] {
  const out = new Set<string>();
  for (const r of chain.matchAll(/\.\s*WithReference\s*\(\s*(\w+)/g)) out.add(r[1]);
  for (const r of chain.matchAll(/\.\s*WithEnvironment\s*\(\s*"[^"]*"\s*,\s*(\w+)(\s*\.\s*GetEndpoint\b)?/g)) {
    const target = r[2] ? r[1] : endpoints.get(r[1]);
    if (target) out.add(target);
  }
  return [...out];
}

export const aspireAppHostReader: Reader = {
  id: 'aspire-apphost',
  extensions: ['.cs'],
  sniff: (text) => text.includes('DistributedApplication.CreateBuilder'),
  read: readAppHost,
};

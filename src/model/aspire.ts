/**
 * What a .NET Aspire AppHost's composition says about the parts it runs: their names in the app model, which
 * of them the outside reaches, and what each references (another project, a database, a broker).
 */
import type { AspireResourceFact } from '../detect/facts.js';
import type { Context } from './context.js';
import type { Draft } from './containers.js';
import { baseOf, dirOf, joinPath } from './graph/paths.js';

/** The technology an Aspire hosting method runs: `AddRedis` a Redis, `AddDatabase` whatever its server is. */
const HOSTED: Record<string, string> = {
  AddRedis: 'redis',
  AddValkey: 'valkey',
  AddGarnet: 'redis',
  AddRabbitMQ: 'rabbitmq',
  AddKafka: 'kafka',
  AddNats: 'nats',
  AddPostgres: 'postgresql',
  AddSqlServer: 'sql-server',
  AddMySql: 'mysql',
  AddOracle: 'oracle-database',
  AddMongoDB: 'mongodb',
  AddElasticsearch: 'elasticsearch',
  AddQdrant: 'qdrant',
  AddMilvus: 'milvus',
  AddAzureCosmosDB: 'cosmos-db',
};

export interface AspireResource extends AspireResourceFact {
  file: string;
}

/** The resources the AppHost in this draft's folder declares. */
export function aspireResources(ctx: Context, appHost: Draft): AspireResource[] {
  const prefix = appHost.path ? `${appHost.path}/` : '';
  const out: AspireResource[] = [];
  for (const [file, resources] of ctx.each('aspire')) if (file.startsWith(prefix)) for (const r of resources) out.push({ ...r, file });
  return out;
}

/** `Projects.Basket_API` is the type Aspire generates for Basket.API.csproj. */
function projectTypeOf(csproj: string): string {
  return baseOf(csproj).replace(/\.csproj$/i, '').replace(/[.-]/g, '_');
}

/** The technology a resource runs, following AddDatabase to its server. */
export function hostedTechnology(resource: AspireResource, byVariable: ReadonlyMap<string, AspireResource>): string | undefined {
  let r: AspireResource | undefined = resource;
  for (let hops = 0; r && hops < 4; hops++) {
    if (HOSTED[r.method]) return HOSTED[r.method];
    r = r.parent ? byVariable.get(r.parent) : undefined;
  }
  return undefined;
}

/**
 * The projects this AppHost runs, by the name its app model gives each ("basket-api"): through its own project
 * references, so that two AppHosts that both call a project "web" each mean their own.
 */
export function aspireProjects(ctx: Context, host: Draft, drafts: readonly Draft[]): Map<string, Draft> {
  const byPath = new Map(drafts.filter((d) => d.path !== undefined).map((d) => [d.path!, d]));
  const byType = new Map<string, Draft>();
  for (const m of host.manifests) {
    for (const local of m.fact.localDependencies ?? []) {
      const target = local.path !== undefined ? byPath.get(joinPath(dirOf(m.file), local.path) ?? '\0') : undefined;
      if (target && target !== host && !local.notRun) byType.set(projectTypeOf(local.path!), target);
    }
  }
  const out = new Map<string, Draft>();
  for (const r of aspireResources(ctx, host)) {
    const d = r.project ? byType.get(r.project) : undefined;
    if (d) out.set(r.name, d);
  }
  return out;
}

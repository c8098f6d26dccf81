/**
 * What a .NET Aspire AppHost's composition says about the parts it runs: their names in the app model, which
 * of them the outside reaches, and what each references (another project, a database, a broker).
 */
import type { AspireResourceFact } from '../detect/facts.js';
import type { Context } from './context.js';
import type { Draft } from './containers.js';
import { baseOf } from './graph/paths.js';

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
export function projectTypeOf(csproj: string): string {
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

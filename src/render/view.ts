/**
 * Lookups the section renderers share over one model: containers by id, the system's own containers,
 * technology names, who talks to whom.
 */
import { type ArchitectureModel, type Container, type Relationship, SERVING_KINDS, type TechnologyUse } from '../model/types.js';

/** Categories that describe how a project is built, tested or shipped rather than what its code uses. */
const NOT_A_PART_OF_THE_CODE = new Set(['ci-cd', 'container', 'orchestration', 'iac', 'testing', 'linter', 'build-tool', 'package-manager', 'documentation', 'hosting', 'cloud']);

/** Column stores for analytics: kept beside the system's database, not a choice between the two. */
const ANALYTICAL = new Set(['clickhouse', 'bigquery', 'snowflake', 'amazon-redshift']);

export const STORE_KINDS = new Set(['datastore', 'cache', 'broker', 'search', 'storage']);
export const RUNNING_KINDS = new Set(['service', 'worker', 'function', 'job', 'frontend']);

/** A router is an add-on of the framework it routes for: Vue.js leads, not Vue Router. */
const addOn = (t: TechnologyUse) => (/router/i.test(t.name) ? 1 : 0);

export class View {
  readonly byId: Map<string, Container>;
  readonly techById: Map<string, TechnologyUse>;
  /** The system's own parts: code in this repository that is not an example, test or fixture. */
  readonly own: Container[];
  /** Datastores, caches, brokers, search engines and buckets the system uses. */
  readonly stores: Container[];
  /** Images the system runs without their code being here (a proxy, a third-party service). */
  readonly external: Container[];
  readonly aside: Container[];
  readonly containerRelationships: Relationship[];
  /**
   * Relational databases known only from drivers, when there are two or more of them (gorm's mysql and
   * postgres drivers): one of them holds the data, chosen in configuration, not all of them at once.
   */
  readonly alternativeStores: Set<string>;

  constructor(readonly model: ArchitectureModel) {
    this.byId = new Map(model.containers.map((c) => [c.id, c]));
    this.techById = new Map(model.technologies.map((t) => [t.id, t]));
    const main = model.containers.filter((c) => c.role === 'main');
    // a database image built here (util/MsSql/Dockerfile FROM mssql/server) is a store, not code of the system
    this.own = main.filter((c) => c.path !== undefined && !STORE_KINDS.has(c.kind));
    this.stores = main.filter((c) => STORE_KINDS.has(c.kind));
    this.external = main.filter((c) => c.path === undefined && !STORE_KINDS.has(c.kind));
    this.aside = model.containers.filter((c) => c.role !== 'main');
    const ids = new Set(model.containers.map((c) => c.id));
    this.containerRelationships = model.relationships.filter((r) => ids.has(r.from) && ids.has(r.to));
    // an analytics store (umami's ClickHouse beside its PostgreSQL) is used alongside the main database, never instead of it
    const relationalTechs = new Set(model.technologies.filter((t) => t.category === 'database-relational' && !ANALYTICAL.has(t.id)).map((t) => t.id));
    const relational = this.stores.filter((s) => s.kind === 'datastore' && (relationalTechs.has(s.id.replace(/^datastore:/, '')) || s.technologies.some((id) => relationalTechs.has(id))));
    const driverOnly = relational.filter((s) => !s.image && s.evidence.every((e) => /\bdependency\b|^import\b/.test(e.rule)));
    this.alternativeStores = new Set(driverOnly.length >= 2 ? driverOnly.map((s) => s.id) : []);
    // relational databases used by exactly the same parts are choices of one setting (a Spring profile, a
    // compose variant, an EF Core provider), not databases the parts use at once
    const byUsers = new Map<string, string[]>();
    for (const s of relational) {
      const users = [...new Set(this.containerRelationships.filter((r) => r.to === s.id && this.byId.get(r.from)?.role === 'main').map((r) => r.from))].sort();
      const key = users.join('\0');
      if (users.length) byUsers.set(key, [...(byUsers.get(key) ?? []), s.id]);
    }
    for (const ids of byUsers.values()) if (ids.length >= 2) for (const id of ids) this.alternativeStores.add(id);
  }

  /** Names of the containers a list of ids reaches, alternative databases joined as "A or B". */
  targetNames(ids: string[]): string[] {
    const unique = [...new Set(ids)];
    const alternatives = unique.filter((id) => this.alternativeStores.has(id)).map((id) => this.name(id)).sort((a, b) => a.localeCompare(b, 'en'));
    const names = unique.filter((id) => !this.alternativeStores.has(id)).map((id) => this.name(id));
    if (alternatives.length === 1) names.push(alternatives[0]);
    if (alternatives.length > 1) names.push(`${alternatives.slice(0, -1).join(', ')} or ${alternatives[alternatives.length - 1]}`);
    return names;
  }

  name(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }

  /**
   * The databases one of which holds the data, chosen in configuration: the alternative stores, and an
   * embedded database the same parts use, often the default (gotify's SQLite beside its MySQL and PostgreSQL
   * drivers), which runs no server and so is no element of its own.
   */
  storeChoices(): { names: string[]; embedded: TechnologyUse[] } {
    const alternatives = this.stores.filter((s) => this.alternativeStores.has(s.id));
    if (!alternatives.length) return { names: [], embedded: [] };
    const users = new Set(alternatives.flatMap((s) => this.usedBy(s).map((r) => r.from)));
    const embedded = this.model.technologies.filter((t) => t.scope === 'runtime' && t.category === 'database-embedded' && t.containers.some((id) => users.has(id)));
    return { names: [...alternatives.map((s) => s.name), ...embedded.map((t) => t.name)].sort((a, b) => a.localeCompare(b, 'en')), embedded };
  }

  /**
   * Runtime technologies of a container, by name, frameworks first: the server's for a part that serves. An API
   * style leads only where the part serves: a command that calls gRPC services is not built with gRPC first.
   */
  techNames(c: Container, max = 6): string[] {
    const order = SERVING_KINDS.has(c.kind)
      ? ['backend-framework', 'frontend-framework', 'runtime', 'orm', 'api-style', 'ui-library', 'css']
      : ['frontend-framework', 'backend-framework', 'runtime', 'orm', 'ui-library', 'css'];
    const techs = c.technologies
      .map((id) => this.techById.get(id))
      .filter((t): t is TechnologyUse => !!t && t.category !== 'language' && (t.scope === 'runtime' || t.scope === 'optional' || (c.role !== 'main' && t.scope === 'example')))
      .filter((t) => !NOT_A_PART_OF_THE_CODE.has(t.category));
    techs.sort((a, b) => rank(a.category) - rank(b.category) || addOn(a) - addOn(b) || a.name.localeCompare(b.name, 'en'));
    return techs.slice(0, max).map((t) => t.name);
    function rank(cat: string) {
      const i = order.indexOf(cat);
      return i === -1 ? order.length : i;
    }
  }

  /** The framework a container is built on, when it has one: the server's for a part that serves. */
  framework(c: Container): string | undefined {
    const cats = SERVING_KINDS.has(c.kind) ? ['backend-framework', 'frontend-framework'] : ['frontend-framework', 'backend-framework'];
    return c.technologies
      .map((id) => this.techById.get(id))
      .filter((t): t is TechnologyUse => !!t && cats.includes(t.category) && t.scope !== 'dev')
      .sort((a, b) => cats.indexOf(a.category) - cats.indexOf(b.category) || addOn(a) - addOn(b) || a.name.localeCompare(b.name, 'en'))[0]?.name;
  }

  dependsOn(c: Container): Relationship[] {
    return this.containerRelationships.filter((r) => r.from === c.id);
  }

  /** Who uses a container, among containers of its own role: a test suite is not a user of the system. */
  usedBy(c: Container): Relationship[] {
    return this.containerRelationships.filter((r) => r.to === c.id && this.byId.get(r.from)?.role === c.role);
  }

  isLibraryLike(): boolean {
    return !this.own.some((c) => RUNNING_KINDS.has(c.kind));
  }
}

/**
 * Languages worth naming: those with at least 2% of the code, and any that is the main language of one of the
 * system's own parts (a small C++ service in a polyglot demo), however small its share.
 */
export function namedLanguages(model: ArchitectureModel): ArchitectureModel['languages'] {
  const ofParts = new Set(model.containers.filter((c) => c.role === 'main' && c.path !== undefined && c.language).map((c) => c.language!));
  return model.languages.filter((l) => l.share >= 0.02 || (l.share > 0 && ofParts.has(l.name)));
}

export function kindLabel(kind: string): string {
  const labels: Record<string, string> = {
    service: 'service', frontend: 'frontend', worker: 'worker', function: 'function', job: 'scheduled job', cli: 'command-line tool',
    library: 'library', application: 'application', datastore: 'database', broker: 'message broker', cache: 'cache', search: 'search engine',
    storage: 'object storage', proxy: 'proxy', monitoring: 'monitoring', coordination: 'coordination service', external: 'external service',
  };
  return labels[kind] ?? kind;
}

/**
 * archmd on fixture repositories shaped like real ones: what a careful reader finds must be there,
 * and the traps each fixture sets (prose mentions, docs examples, SDKs that are not hosting) must not.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyze, render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { fixture, repoRoot } from '../helpers.js';

const options = { cache: false };

function tech(model: ArchitectureModel, id: string) {
  return model.technologies.find((t) => t.id === id);
}
function runtimeTechIds(model: ArchitectureModel): string[] {
  return model.technologies.filter((t) => t.scope === 'runtime').map((t) => t.id);
}
function container(model: ArchitectureModel, name: string) {
  return model.containers.find((c) => c.name === name);
}
function mainContainers(model: ArchitectureModel) {
  return model.containers.filter((c) => c.role === 'main');
}
function hostingOf(model: ArchitectureModel) {
  return model.deployment.hosting.map((h) => h.value);
}
function style(model: ArchitectureModel) {
  return model.system.style.map((s) => s.value);
}

describe('examples/shop: a microservices system', () => {
  let model: ArchitectureModel;
  before(async () => {
    model = await analyze(join(repoRoot, 'examples', 'shop'), options);
  });

  it('finds the five projects of its own code with their kinds', () => {
    assert.equal(container(model, 'web')?.kind, 'frontend');
    assert.equal(container(model, 'web')?.path, 'apps/web');
    assert.equal(container(model, 'api')?.kind, 'service');
    assert.equal(container(model, 'worker')?.kind, 'worker');
    assert.equal(container(model, 'recommender')?.kind, 'service');
    assert.equal(container(model, '@shop/shared')?.kind, 'library');
  });

  it('turns compose images into datastores and a broker', () => {
    const kinds = Object.fromEntries(mainContainers(model).filter((c) => c.path === undefined).map((c) => [c.name, c.kind]));
    assert.equal(kinds.postgres, 'datastore');
    assert.ok(['cache', 'datastore'].includes(kinds.redis), kinds.redis);
    assert.equal(kinds.rabbitmq, 'broker');
  });

  it('links services to what they use, each link with evidence', () => {
    const rel = (from: string, to: string) =>
      model.relationships.find((r) => r.from === container(model, from)?.id && r.to === container(model, to)?.id && r.kind !== 'import');
    assert.equal(rel('api', 'postgres')?.technology, 'SQL');
    assert.equal(rel('api', 'rabbitmq')?.technology, 'AMQP');
    assert.equal(rel('api', 'recommender')?.technology, 'HTTP');
    assert.equal(rel('worker', 'postgres')?.technology, 'SQL');
    assert.equal(rel('recommender', 'redis')?.technology, 'Redis');
    for (const r of model.relationships) assert.ok(r.evidence.length > 0, `${r.id} has evidence`);
  });

  it('resolves the workspace package without node_modules', () => {
    const shared = container(model, '@shop/shared')!.id;
    assert.ok(model.relationships.some((r) => r.from === container(model, 'api')!.id && r.to === shared));
    assert.ok(model.relationships.some((r) => r.from === container(model, 'web')!.id && r.to === shared));
  });

  it('names the stack with evidence, and keeps dev tools out of the runtime stack', () => {
    for (const id of ['react', 'express', 'postgresql', 'redis', 'rabbitmq']) {
      const t = tech(model, id);
      assert.ok(t, `${id} detected`);
      assert.equal(t.scope, 'runtime', `${id} is runtime`);
      assert.ok(t.evidence.every((e) => e.file && e.rule), `${id} evidence has file and rule`);
    }
    assert.notEqual(tech(model, 'vitest')?.scope, 'runtime');
    for (const trap of ['kafka', 'mongodb', 'mysql', 'graphql', 'nextjs', 'django', 'flask', 'fastapi', 'gin', 'sendgrid']) {
      assert.ok(!runtimeTechIds(model).includes(trap), `${trap} is not claimed`);
    }
  });

  it('infers microservices, event-driven, monorepo', () => {
    assert.ok(style(model).includes('Microservices'));
    assert.ok(style(model).includes('Monorepo'));
  });

  it('deploys on AWS and Kubernetes with staging and production, never on another cloud', () => {
    assert.ok(hostingOf(model).includes('AWS'));
    assert.ok(!hostingOf(model).some((h) => /google|azure|heroku|vercel/i.test(h)));
    const envs = model.deployment.environments.map((e) => e.value);
    assert.ok(envs.includes('staging') && envs.includes('production'), envs.join(','));
    assert.ok(model.deployment.pipelines.some((p) => p.system === 'GitHub Actions'));
  });

  it('renders every template section with no placeholder', () => {
    const doc = render(model);
    for (const heading of ['Introduction', 'High-Level Architecture', 'Core Components', 'Data Flow', 'Technology Stack', 'Deployment Architecture', 'Future Improvements', 'Diagrams', 'Conclusion']) {
      assert.match(doc, new RegExp(`^## ${heading}$`, 'm'));
    }
    for (const field of ['Project Name', 'Purpose', 'Key Features', 'Architecture Style', 'Key Layers', 'Communication', 'Description', 'Technologies', 'Frontend', 'Backend', 'Database', 'DevOps', 'Other Tools', 'Hosting', 'Environments', 'CI/CD Pipeline', 'User Interaction', 'Data Processing', 'Storage']) {
      assert.ok(doc.includes(`**${field}**`), `field ${field}`);
    }
    assert.doesNotMatch(doc, /\[(Your|e\.g\.|Brief|List of|Describe|Plans|Planned)[^\]]*\]/);
    assert.ok(!doc.includes(repoRoot), 'no absolute path');
    assert.match(doc, /```mermaid\nflowchart LR/);
  });
});

describe('e2e-python-library: a library, and the traps in its README and docs', () => {
  let model: ArchitectureModel;
  before(async () => {
    model = await analyze(fixture('e2e-python-library'), options);
  });
  it('is a library with its runtime dependencies', () => {
    assert.ok(style(model).some((s) => /^Librar/.test(s)), style(model).join());
    assert.ok(tech(model, 'httpx'));
  });
  it('claims no service, datastore, cloud or Kubernetes', () => {
    assert.equal(mainContainers(model).filter((c) => c.path === undefined).length, 0);
    assert.deepEqual(hostingOf(model), []);
    for (const trap of ['django', 'postgresql', 'kubernetes', 'aws-lambda', 'docker-compose']) {
      assert.ok(!runtimeTechIds(model).includes(trap), `${trap} is not claimed`);
    }
  });
  it('keeps the docs example out of the stack', () => {
    const pg = tech(model, 'postgresql');
    if (pg) assert.equal(pg.scope, 'example');
  });
  it('publishes to PyPI from GitHub Actions without calling PyPI a host', () => {
    assert.ok(model.deployment.pipelines.some((p) => p.system === 'GitHub Actions'));
    assert.ok(!hostingOf(model).some((h) => /pypi/i.test(h)));
  });
});

describe('e2e-go-cli: a command-line tool', () => {
  let model: ArchitectureModel;
  before(async () => {
    model = await analyze(fixture('e2e-go-cli'), options);
  });
  it('is a CLI built with cobra, with no service, datastore or cloud', () => {
    assert.ok(style(model).includes('Command-line tool'), style(model).join());
    assert.ok(tech(model, 'cobra'));
    assert.deepEqual(hostingOf(model), []);
    assert.equal(mainContainers(model).filter((c) => c.path === undefined).length, 0);
    assert.ok(!mainContainers(model).some((c) => c.kind === 'service'));
  });
  it('is named after its module without the major version, and its distribution image does not make it a service', () => {
    const root = mainContainers(model).find((c) => c.path === '');
    assert.equal(root?.name, 'docsweep');
    assert.equal(root?.kind, 'cli');
    assert.ok(root?.evidence.some((e) => e.file === 'Dockerfile'), 'the Dockerfile is seen');
  });
  it('maps the internal packages in the codemap', () => {
    const paths = model.components.map((c) => c.path);
    assert.ok(paths.some((p) => p.endsWith('internal') || p.includes('internal/')) || paths.includes('cmd'), paths.join());
  });
});

describe('e2e-serverless: functions on AWS', () => {
  let model: ArchitectureModel;
  before(async () => {
    model = await analyze(fixture('e2e-serverless'), options);
  });
  it('is serverless on AWS with DynamoDB and SQS', () => {
    assert.ok(style(model).includes('Serverless'), style(model).join());
    assert.ok(hostingOf(model).includes('AWS'));
    assert.ok(tech(model, 'amazon-dynamodb'));
    assert.ok(tech(model, 'amazon-sqs'));
  });
  it('claims no container, Kubernetes or web framework', () => {
    for (const trap of ['docker', 'kubernetes', 'express']) assert.ok(!runtimeTechIds(model).includes(trap), trap);
  });
  it('functions behind HTTP routes are reached over HTTP, not called workers and jobs', () => {
    const doc = render(model);
    assert.match(doc, /made of functions \(\*\*support-tickets\*\*\)/);
    assert.match(doc, /users reach \*\*support-tickets\*\* over HTTP, through the API routes that trigger it \(`serverless\.yml`\)/);
  });
});

describe('e2e-spring-monolith: an SDK is not a hosting claim', () => {
  let model: ArchitectureModel;
  before(async () => {
    model = await analyze(fixture('e2e-spring-monolith'), options);
  });
  it('is a Spring Boot monolith with PostgreSQL', () => {
    assert.ok(style(model).includes('Monolith'), style(model).join());
    assert.ok(tech(model, 'spring-boot'));
    assert.equal(tech(model, 'postgresql')?.scope, 'runtime');
  });
  it('uses S3 but is not hosted on AWS', () => {
    assert.ok(!hostingOf(model).includes('AWS'), hostingOf(model).join());
    assert.notEqual(tech(model, 'testcontainers')?.scope, 'runtime');
  });
  it('reads the Jenkins pipeline', () => {
    assert.ok(model.deployment.pipelines.some((p) => p.system === 'Jenkins'));
  });
});

describe('e2e-rails-app: Procfile without Heroku, Fly.io hosting', () => {
  let model: ArchitectureModel;
  before(async () => {
    model = await analyze(fixture('e2e-rails-app'), options);
  });
  it('is hosted on Fly.io and not on Heroku', () => {
    assert.ok(hostingOf(model).includes('Fly.io'), hostingOf(model).join());
    assert.ok(!hostingOf(model).includes('Heroku'));
  });
  it('uses Rails, PostgreSQL, Redis and Sidekiq', () => {
    for (const id of ['rails', 'postgresql', 'redis', 'sidekiq']) assert.ok(tech(model, id), id);
  });
});

describe('e2e-dotnet-service: ASP.NET Core on Azure', () => {
  let model: ArchitectureModel;
  before(async () => {
    model = await analyze(fixture('e2e-dotnet-service'), options);
  });
  it('has one service and keeps the test project out of the system', () => {
    const services = mainContainers(model).filter((c) => c.path !== undefined);
    assert.ok(services.some((c) => c.path === 'src/Parcels.Api'), services.map((c) => c.path).join());
    assert.ok(!services.some((c) => c.path === 'tests/Parcels.Api.Tests'));
  });
  it('deploys with Azure Pipelines, with no Docker or Kubernetes claimed', () => {
    assert.ok(model.deployment.pipelines.some((p) => p.system === 'Azure Pipelines'));
    assert.ok(hostingOf(model).some((h) => /azure/i.test(h)), hostingOf(model).join());
    assert.ok(!model.deployment.runtime.some((r) => /docker|kubernetes/i.test(r.value)));
  });
});

describe('e2e-empty-readme-only: nothing to claim', () => {
  it('names the project from the README and claims nothing else', async () => {
    const model = await analyze(fixture('e2e-empty-readme-only'), options);
    assert.equal(model.system.name.value, 'tidepool');
    assert.equal(mainContainers(model).length, 0);
    assert.deepEqual(runtimeTechIds(model), []);
    const doc = render(model);
    assert.doesNotMatch(doc, /Rust|SQLite/);
    // with nothing to read, nothing is said to be a package, a binary or a codebase
    assert.doesNotMatch(doc, /distributed as a package|is a codebase/);
    assert.match(doc, /No component of tidepool was found in this repository/);
  });
});

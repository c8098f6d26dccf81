import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAll, readWith, reader } from './read.js';

const FIX = 'infra-paas';

test('paas: vercel.json and netlify.toml with deploy contexts', () => {
  assert.deepEqual(readWith('vercel', FIX, 'apps/web/vercel.json').hosting, [{ provider: 'Vercel', via: 'vercel.json', line: 1 }]);
  const netlify = readWith('netlify', FIX, 'apps/docs/netlify.toml');
  assert.deepEqual(netlify.hosting, [{ provider: 'Netlify', via: 'netlify.toml', line: 1 }]);
  assert.deepEqual(netlify.environments, [
    { name: 'production', via: 'netlify context', line: 5 },
    { name: 'deploy-preview', via: 'netlify context', line: 8 },
  ]);
});

test('paas: fly.toml processes and internal port', () => {
  const fly = readWith('fly', FIX, 'apps/api/fly.toml');
  const shared = { dockerfile: 'apps/api/Dockerfile', envNames: ['NODE_ENV', 'PORT'] };
  assert.deepEqual(fly.services, [
    { name: 'web', source: 'fly', kind: 'service', ...shared, ports: [3000], line: 12 },
    { name: 'worker', source: 'fly', kind: 'worker', ...shared, line: 13 },
  ]);
  assert.equal(fly.hosting![0].provider, 'Fly.io');
});

test('paas: Procfile gives processes but no hosting; app.json gives Heroku and add-ons', () => {
  const procfile = readWith('procfile', FIX, 'apps/api/Procfile');
  assert.deepEqual(procfile.services, [
    { name: 'web', source: 'procfile', kind: 'service', line: 1 },
    { name: 'worker', source: 'procfile', kind: 'worker', line: 2 },
    { name: 'release', source: 'procfile', kind: 'job', line: 3 },
  ]);
  assert.equal(procfile.hosting, undefined);
  const app = readWith('heroku-app-json', FIX, 'apps/api/app.json');
  assert.deepEqual(app.hosting, [{ provider: 'Heroku', via: 'app.json (Heroku deploy button)', line: 1 }]);
  assert.deepEqual(app.addons, [
    { name: 'heroku-postgresql', via: 'app.json (Heroku deploy button)', line: 6 },
    { name: 'heroku-redis', via: 'app.json (Heroku deploy button)', line: 7 },
  ]);
  assert.deepEqual(readAll(FIX, 'apps/mobile/app.json'), {}, "Expo's app.json is not Heroku's");
});

test('paas: render.yaml services, databases and references between them', () => {
  const facts = readWith('render', FIX, 'render.yaml');
  const byName = Object.fromEntries(facts.services!.map((s) => [s.name, s]));
  assert.deepEqual(byName['shop-web'], {
    name: 'shop-web', source: 'render', kind: 'service', build: 'apps/web', dependsOn: ['shop-db', 'shop-api'], envNames: ['DATABASE_URL', 'API_URL'], line: 2,
  });
  assert.equal(byName['shop-worker'].build, 'apps/api');
  assert.deepEqual([byName.nightly.kind, byName.nightly.schedule], ['cronjob', '0 3 * * *']);
  assert.equal(byName['shop-db'].kind, 'datastore');
  assert.deepEqual(facts.addons!.map((a) => a.name), ['redis', 'postgresql']);
});

test('paas: App Engine, Cloud Build to Cloud Run, azd, Cloudflare Workers, Firebase', () => {
  const gae = readWith('app-engine', FIX, 'apps/admin/app.yaml');
  assert.deepEqual(gae.hosting, [{ provider: 'Google Cloud', via: 'app.yaml (App Engine)', line: 1 }]);
  assert.equal(gae.services![0].name, 'admin');
  const cloudBuild = readWith('cloudbuild', FIX, 'cloudbuild.yaml');
  assert.deepEqual(cloudBuild.hosting, [{ provider: 'Google Cloud', via: 'cloudbuild (Cloud Run)', line: 4 }]);
  // Cloud Build is the CI system too: a docker builder step builds, a gcloud step deploys
  assert.deepEqual(cloudBuild.pipelines?.map((p) => [p.system, p.stages, p.deployTargets]), [['Cloud Build', ['build', 'deploy'], ['Google Cloud']]]);
  const azd = readWith('azd', FIX, 'azure.yaml');
  assert.deepEqual(azd.services!.map((s) => [s.name, s.kind, s.build]), [['api', 'service', 'apps/api'], ['web', 'frontend', 'apps/web']]);
  assert.deepEqual(azd.hosting!.map((h) => [h.provider, h.line]), [['Azure Container Apps', 8], ['Azure Static Web Apps', 12]]);
  const worker = readWith('wrangler', FIX, 'apps/edge/wrangler.toml');
  assert.deepEqual(worker.services, [{ name: 'shop-edge', source: 'wrangler', kind: 'function', line: 1, entry: 'apps/edge/src/index.ts' }]);
  assert.deepEqual(worker.environments, [{ name: 'staging', via: 'wrangler env', line: 10 }]);
  assert.deepEqual(worker.addons, [{ name: 'd1_databases', via: 'wrangler binding', line: 5 }]);
  const firebase = readWith('firebase', FIX, 'firebase.json');
  assert.deepEqual(firebase.hosting, [{ provider: 'Firebase', via: 'firebase.json', line: 2, publishes: 'apps/web/out' }]);
  assert.deepEqual(firebase.addons, [{ name: 'firestore', via: 'firebase.json', line: 3 }]);
});

test('paas: an app.yaml that is not App Engine, and malformed TOML', () => {
  assert.deepEqual(reader('app-engine').read('app.yaml', 'runtime: 3\nname: x\n'), {});
  assert.deepEqual(reader('app-engine').read('app.yaml', 'apiVersion: v1\nkind: Pod\nruntime: python39\n'), {});
  const bad = reader('fly').read('fly.toml', 'app = "x\n[broken');
  assert.equal(bad.hosting, undefined);
  assert.match(bad.warnings![0].message, /^fly\.toml: /);
});

test('paas: presence files name their platform only when they look like theirs', () => {
  const hostingOf = (id: string, path: string, text: string) => reader(id).read(path, text).hosting?.map((h) => `${h.provider} | ${h.via}`);
  assert.deepEqual(hostingOf('railway', 'railway.toml', '[build]\nbuilder = "nixpacks"\n'), ['Railway | railway.toml']);
  assert.deepEqual(hostingOf('amplify', 'amplify.yml', 'version: 1\nfrontend:\n  phases: {}\n'), ['AWS | amplify.yml (AWS Amplify)']);
  assert.deepEqual(hostingOf('apprunner', 'apprunner.yaml', 'version: 1.0\nruntime: python3\n'), ['AWS | apprunner.yaml (AWS App Runner)']);
  assert.deepEqual(hostingOf('codedeploy-appspec', 'appspec.yml', 'version: 0.0\nos: linux\nhooks: {}\n'), ['AWS | appspec.yml (AWS CodeDeploy)']);
  assert.equal(hostingOf('codedeploy-appspec', 'appspec.yml', 'openapi: 3.0.0\n'), undefined);
  assert.deepEqual(hostingOf('elastic-beanstalk', '.ebextensions/01-env.config', 'option_settings:\n  aws:elasticbeanstalk:application:environment: {}\n'), ['AWS | Elastic Beanstalk config']);
  assert.deepEqual(hostingOf('vercel', 'now.json', '{"version": 2}'), ['Vercel | now.json']);
  assert.match(reader('vercel').read('vercel.json', '{ "rewrites": [ }').warnings![0].message, /^vercel\.json: /);
});

test('paas: Dockerrun.aws.json images and heroku.yml processes and add-ons', () => {
  const run = reader('dockerrun').read('Dockerrun.aws.json', '{"AWSEBDockerrunVersion": 2, "containerDefinitions": [{"name": "api", "image": "acme/api:3"}, {"name": "nginx", "image": "nginx:1.25"}]}');
  assert.deepEqual(run.images!.map((i) => i.name), ['acme/api', 'nginx']);
  assert.equal(run.hosting![0].provider, 'AWS');
  const yml = 'setup:\n  addons:\n    - plan: heroku-postgresql\nbuild:\n  docker:\n    web: Dockerfile\n    worker: worker/Dockerfile\nrun:\n  web: bundle exec puma\n  worker: bundle exec sidekiq\n';
  const heroku = reader('heroku-yml').read('heroku.yml', yml);
  assert.deepEqual(heroku.services, [
    { name: 'web', source: 'heroku.yml', kind: 'service', build: '', line: 9 },
    { name: 'worker', source: 'heroku.yml', kind: 'worker', build: 'worker', line: 10 },
  ]);
  assert.deepEqual(heroku.addons, [{ name: 'heroku-postgresql', via: 'heroku.yml', line: 3 }]);
  assert.deepEqual(heroku.hosting, [{ provider: 'Heroku', via: 'heroku.yml', line: 1 }]);
});

test('bicep: resource types and modules; existing references and comments are not resources', () => {
  const facts = readWith('bicep', FIX, 'infra/main.bicep');
  assert.deepEqual(facts.iac, [
    { tool: 'bicep', kind: 'resource', type: 'Microsoft.Web/serverfarms', name: 'plan', line: 9 },
    { tool: 'bicep', kind: 'resource', type: 'Microsoft.DBforPostgreSQL/flexibleServers', name: 'db', line: 19 },
    { tool: 'bicep', kind: 'module', type: './modules/containerapp.bicep', name: 'app', line: 24 },
  ]);
  assert.deepEqual(facts.hosting, [{ provider: 'Azure', via: 'bicep resource', line: 9 }]);
});

test('kamal: the service, its env names, accessories as runtime images, destinations as environments', () => {
  const facts = readWith('kamal', FIX, 'apps/shop-rails/config/deploy.yml');
  assert.deepEqual(facts.services, [
    { name: 'shop', source: 'kamal', image: 'acme/shop', envNames: ['SOLID_QUEUE_IN_PUMA', 'DB_HOST', 'RAILS_MASTER_KEY'], line: 2 },
    { name: 'db', source: 'kamal', image: 'postgres:16', envNames: ['POSTGRES_PASSWORD'], line: 32 },
    { name: 'redis', source: 'kamal', image: 'valkey/valkey:8', line: 39 },
  ]);
  assert.deepEqual(facts.images, [
    { name: 'postgres', ref: 'postgres:16', line: 33, role: 'runtime' },
    { name: 'valkey/valkey', ref: 'valkey/valkey:8', line: 40, role: 'runtime' },
  ]);
  assert.equal(facts.hosting, undefined, 'Kamal deploys to any servers: no provider');
  assert.deepEqual(readWith('kamal', FIX, 'apps/shop-rails/config/deploy.staging.yml').environments, [{ name: 'staging', via: 'kamal destination', line: 1 }]);
  assert.deepEqual(reader('kamal').read('config/deploy.yml', 'production:\n  branch: main\n'), {}, 'another tool’s deploy.yml');
});

test('amplify.yml is the build spec Amplify Hosting runs on each push: a pipeline that builds and deploys', () => {
  const facts = reader('amplify').read('amplify.yml', 'version: 1\nbackend:\n  phases:\n    build:\n      commands:\n        - make backend\nfrontend:\n  phases:\n    build:\n      commands:\n        - npm run build\n');
  assert.deepEqual(facts.pipelines, [{ system: 'AWS Amplify', name: 'amplify.yml', stages: ['build', 'deploy'], deployTargets: ['AWS Amplify'], line: 1 }]);
});

test('paas: a netlify.toml that builds the documentation hosts the docs, not the system', async () => {
  const { netlifyReader } = await import('../../src/detect/infra/netlify.js');
  const mkdocs = '[build]\npublish = "docs/site/"\ncommand = """\npip3 install mkdocs-material &&\ncd docs &&\nmkdocs build\n"""\n';
  assert.equal(netlifyReader.read('netlify.toml', mkdocs).hosting, undefined);
  const docusaurus = '[build]\nbase = "website"\ncommand = "yarn build"\npublish = "build"\n';
  assert.equal(netlifyReader.read('netlify.toml', docusaurus).hosting, undefined);
  const app = '[build]\ncommand = "npm run build"\npublish = ".next"\n\n[[plugins]]\npackage = "@netlify/plugin-nextjs"\n';
  assert.deepEqual(netlifyReader.read('netlify.toml', app).hosting, [{ provider: 'Netlify', via: 'netlify.toml', line: 1 }]);
});

test("paas: a Procfile process that starts the tests' fixtures or another product's image runs nothing of the project's", () => {
  const text = [
    'api-server: go run ./cmd/main.go',
    'dex: sh -c "go run ./cmd gendexcfg && docker run --rm ghcr.io/dexidp/dex:v2.45.1 dex serve /dex.yaml"',
    'git-server: test/fixture/testrepos/start-git.sh',
    'tools: ./hack/start-tools.sh',
    '',
  ].join('\n');
  assert.deepEqual(reader('procfile').read('Procfile', text).services?.map((s) => s.name), ['api-server', 'tools']);
});

test('wrangler: what reaches a Worker (routes, assets, crons, queues) and the bindings it is given, JSONC or TOML', () => {
  const r = reader('wrangler');
  const jsonc = [
    '{',
    '\t"name": "brand-visibility", // the Worker',
    '\t"main": "./workers/app.ts",',
    '\t"assets": { "directory": "./build/client" },',
    '\t"kv_namespaces": [{ "binding": "CACHE", "id": "abc" }],',
    '\t"r2_buckets": [{ "binding": "BUCKET", "bucket_name": "files" }],',
    '\t"hyperdrive": [{ "binding": "HYPERDRIVE", "id": "x", "localConnectionString": "postgresql://u:p@localhost:5432/db" }],',
    '\t"queues": {',
    '\t\t"producers": [{ "queue": "jobs", "binding": "JOBS" }],',
    '\t\t"consumers": [{ "queue": "jobs", "max_batch_size": 5 }],',
    '\t},',
    '}',
  ].join('\n');
  const facts = r.read('brand/wrangler.jsonc', jsonc);
  assert.deepEqual(facts.services, [{ name: 'brand-visibility', source: 'wrangler', kind: 'function', line: 2, entry: 'brand/workers/app.ts', http: { via: 'wrangler assets', line: 4 } }]);
  assert.deepEqual(facts.addons!.map((a) => [a.name, a.line]), [['kv_namespaces', 5], ['r2_buckets', 6], ['queues', 8], ['hyperdrive', 7]]);
  assert.deepEqual(facts.datastores, [{ scheme: 'postgresql', via: 'wrangler hyperdrive', line: 7 }]);
  assert.deepEqual(facts.apis, [
    { style: 'Queue', name: 'jobs', role: 'consumes', line: 10, service: 'brand-visibility' },
    { style: 'Queue', name: 'jobs', role: 'produces', line: 9, service: 'brand-visibility' },
  ]);
  const cron = r.read('cleanup/wrangler.toml', 'name = "cleanup"\nmain = "src/index.ts"\nworkers_dev = false\n\n[triggers]\ncrons = ["0 3 * * *"]\n');
  assert.deepEqual(cron.services, [{ name: 'cleanup', source: 'wrangler', kind: 'function', line: 1, entry: 'cleanup/src/index.ts', schedule: '0 3 * * *' }]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAll, readWith, reader } from './read.js';

const FIX = 'infra-compose-microservices';

test('compose: a service with only build: is found with its resolved build folder', () => {
  const facts = readWith('compose', FIX, 'docker-compose.yml');
  const worker = facts.services!.find((s) => s.name === 'worker')!;
  assert.equal(worker.build, 'services/worker');
  assert.equal(worker.image, undefined);
  assert.equal(worker.line, 33);
  const api = facts.services!.find((s) => s.name === 'api')!;
  assert.equal(api.build, 'services/api', 'build: {context: ./services/api} is normalised');
  assert.equal(api.dockerfile, 'services/api/Dockerfile', 'build.dockerfile is relative to the context');
  assert.equal(worker.dockerfile, undefined);
});

test('compose: ports are container ports, in short, long and interpolated syntax', () => {
  const services = readWith('compose', FIX, 'docker-compose.yml').services!;
  assert.deepEqual(services.find((s) => s.name === 'api')!.ports, [3000, 9229]);
  assert.deepEqual(services.find((s) => s.name === 'web')!.ports, [80]);
  assert.deepEqual(services.find((s) => s.name === 'rabbitmq')!.ports, [15672]);
});

test('compose: depends_on (map and list) and links name other services', () => {
  const services = readWith('compose', FIX, 'docker-compose.yml').services!;
  assert.deepEqual(services.find((s) => s.name === 'api')!.dependsOn, ['db', 'redis']);
  assert.deepEqual(services.find((s) => s.name === 'worker')!.dependsOn, ['rabbitmq', 'db']);
  assert.deepEqual(services.find((s) => s.name === 'web')!.dependsOn, ['api']);
});

test('compose: a service waited for until it completes (a one-shot migration) is no dependency', () => {
  const text = 'services:\n  web:\n    image: acme/web\n    depends_on:\n      prep:\n        condition: service_completed_successfully\n      meilisearch:\n        condition: service_started\n  prep:\n    image: acme/web\n  meilisearch:\n    image: getmeili/meilisearch\n';
  const web = reader('compose').read('docker-compose.yml', text).services!.find((s) => s.name === 'web')!;
  assert.deepEqual(web.dependsOn, ['meilisearch']);
});

test('compose: anchors and merge keys bring shared environment into services', () => {
  const services = readWith('compose', FIX, 'docker-compose.yml').services!;
  const web = services.find((s) => s.name === 'web')!;
  assert.deepEqual(web.envNames, ['LOG_LEVEL', 'OTEL_EXPORTER_OTLP_ENDPOINT']);
  assert.equal(web.envHosts![0].host, 'otel-collector');
  const api = services.find((s) => s.name === 'api')!;
  assert.ok(api.envNames!.includes('LOG_LEVEL') && api.envNames!.includes('DATABASE_URL'));
  assert.ok(!services.some((s) => s.name === 'x-common'));
});

test('compose: envHosts from URLs and host:port values, without credentials', () => {
  const facts = readWith('compose', FIX, 'docker-compose.yml');
  const api = facts.services!.find((s) => s.name === 'api')!;
  assert.deepEqual(api.envHosts!.find((h) => h.variable === 'DATABASE_URL'), { variable: 'DATABASE_URL', host: 'db', scheme: 'postgres', port: 5432, line: 20 });
  assert.deepEqual(api.envHosts!.find((h) => h.variable === 'CART_ADDR'), { variable: 'CART_ADDR', host: 'cartservice', port: 7070, line: 22 });
  assert.deepEqual(api.envHosts!.find((h) => h.variable === 'PAYMENT_HOST'), { variable: 'PAYMENT_HOST', host: 'payments', line: 23 });
  assert.equal(api.envHosts!.find((h) => h.variable === 'FEATURE_FLAG'), undefined);
  const worker = facts.services!.find((s) => s.name === 'worker')!;
  assert.deepEqual(worker.envHosts, [{ variable: 'AMQP_URL', host: 'rabbitmq', scheme: 'amqp', line: 36 }]);
  assert.deepEqual(worker.envNames, ['AMQP_URL', 'QUEUE_NAME', 'DEBUG']);
  const json = JSON.stringify(facts);
  assert.ok(!json.includes('s3cr3t-pa55'), 'the database password appears nowhere');
  assert.ok(!json.includes('guest'), 'amqp credentials appear nowhere');
});

test('compose: images are runtime images with bare names and lines; env_file is resolved', () => {
  const facts = readWith('compose', FIX, 'docker-compose.yml');
  assert.deepEqual(facts.images, [
    { name: 'postgres', ref: 'postgres:16-alpine', line: 52, role: 'runtime' },
    { name: 'redis', ref: 'docker.io/library/redis:7.2', line: 59, role: 'runtime' },
    { name: 'rabbitmq', ref: 'rabbitmq:3-management', line: 61, role: 'runtime' },
  ]);
  const api = facts.services!.find((s) => s.name === 'api')!;
  assert.deepEqual(api.envFrom, [{ kind: 'file', name: 'services/api/.env', line: 26 }]);
});

test('compose: an override named after an environment', () => {
  const facts = readWith('compose', FIX, 'docker-compose.prod.yml');
  assert.deepEqual(facts.environments, [{ name: 'prod', via: 'compose override', line: 1 }]);
  assert.equal(facts.services![0].image, 'ghcr.io/acme/shop-api:1.4.0');
  assert.equal(facts.images![0].name, 'acme/shop-api');
  const testStack = reader('compose').read('docker-compose.test.yml', 'services:\n  sut:\n    build: .\n');
  assert.equal(testStack.environments, undefined, 'a test stack is not an environment');
});

test('compose: expose adds ports the service listens on', () => {
  const facts = reader('compose').read('compose.yaml', 'services:\n  api:\n    build: .\n    expose:\n      - "3000"\n      - 9090\n');
  assert.deepEqual(facts.services![0].ports, [3000, 9090]);
});

test('compose: big anchored defaults reused by many services stay within the alias budget', () => {
  // the shape of large self-hosted stacks: nested anchors, merged into a hundred services
  const deps = Array.from({ length: 8 }, (_, i) => `    dep${i}:\n      <<: *healthy`).join('\n');
  const env = Array.from({ length: 60 }, (_, i) => `    VAR_${i}: v${i}`).join('\n');
  const services = Array.from({ length: 120 }, (_, i) => `  svc${i}:\n    <<: *defaults\n    image: app${i}`).join('\n');
  const text = `x-restart: &restart\n  restart: always\nx-pull: &pull\n  pull_policy: never\nx-healthy: &healthy\n  condition: service_healthy\nx-defaults: &defaults\n  <<: [*restart, *pull]\n  depends_on:\n${deps}\n  environment:\n${env}\nservices:\n${services}\n`;
  const facts = reader('compose').read('docker-compose.yml', text);
  assert.equal(facts.warnings, undefined);
  assert.equal(facts.services!.length, 120);
  assert.equal(facts.services![119].envNames!.length, 60);
  assert.equal(facts.services![0].dependsOn!.length, 8);
});

test('compose: context "." with a dockerfile in a subfolder', () => {
  const facts = reader('compose').read('compose.yaml', 'services:\n  ad:\n    build:\n      context: ./\n      dockerfile: ./src/ad/Dockerfile\n');
  assert.deepEqual(facts.services, [{ name: 'ad', source: 'compose', line: 2, build: '', dockerfile: 'src/ad/Dockerfile' }]);
});

test('compose: the compose file is not read as Kubernetes', () => {
  assert.deepEqual(Object.keys(readAll(FIX, 'docker-compose.yml')), ['compose']);
});

test('compose: malformed YAML gives a warning naming the file and never throws', () => {
  const r = reader('compose');
  const facts = r.read('deploy/docker-compose.yml', 'services:\n  api:\n    image: [unclosed\n');
  assert.equal(facts.services, undefined);
  assert.equal(facts.warnings!.length, 1);
  assert.equal(facts.warnings![0].file, 'deploy/docker-compose.yml');
  assert.match(facts.warnings![0].message, /^deploy\/docker-compose\.yml: /);
  assert.ok(!facts.warnings![0].message.includes('\n'));
  assert.deepEqual(r.read('docker-compose.yml', '\u0000\u0001binary'), {});
  assert.deepEqual(r.read('docker-compose.yml', ''), {});
});

test('a compose file in a docker folder under another name (JHipster src/main/docker/app.yml) is read; other YAML there is not', async () => {
  const { composeReader, composeInDockerFolderReader } = await import('../../src/detect/infra/compose.js');
  const { claims } = await import('./read.js');
  const app = 'name: shop\nservices:\n  app:\n    image: shop\n    depends_on: [postgresql]\n  postgresql:\n    image: postgres:16\n    ports: ["5432:5432"]\n';
  assert.ok(claims(composeInDockerFolderReader, 'src/main/docker/app.yml', app));
  assert.ok(!claims(composeReader, 'src/main/docker/app.yml', app), 'not claimed twice');
  assert.deepEqual(composeInDockerFolderReader.read('src/main/docker/app.yml', app).services?.map((s) => s.name), ['app', 'postgresql']);
  assert.ok(!claims(composeInDockerFolderReader, 'src/main/docker/sonar.yml', 'sonar:\n  projectKey: shop\n'));
  assert.ok(!claims(composeInDockerFolderReader, 'docker/docker-compose.yml', app), 'a compose-named file is the compose reader\'s');
});

test('compose: a hostname and network aliases are other names of the service', () => {
  const text = 'services:\n  cart:\n    image: retail-store/cart\n    hostname: carts\n    networks:\n      default:\n        aliases: [cart-api]\n  ui:\n    image: retail-store/ui\n    environment:\n      RETAIL_UI_ENDPOINTS_CARTS: http://carts:8080\n';
  const services = reader('compose').read('docker-compose.yml', text).services ?? [];
  assert.deepEqual(services.find((s) => s.name === 'cart')?.aliases, ['carts', 'cart-api']);
  assert.equal(services.find((s) => s.name === 'ui')?.aliases, undefined);
});

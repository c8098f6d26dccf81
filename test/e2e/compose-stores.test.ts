/**
 * Compose services, the stores they run and the links between them, on the shapes real repositories have:
 * one build context with a Dockerfile per program, stores that wait for each other, Kafka's side services,
 * one database server holding each service's own database.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const byName = (model: ArchitectureModel, name: string) => model.containers.find((c) => c.name === name);
const dependsOn = (model: ArchitectureModel, from: string, to: string) =>
  model.relationships.some((r) => r.from === byName(model, from)?.id && r.to === byName(model, to)?.id && r.kind !== 'import');

/** A Go program's Dockerfile, go-coffeeshop's shape: the whole context copied in, one main compiled. */
const goDockerfile = (main: string, port: number) =>
  [
    'FROM golang:1.19-alpine as builder',
    'COPY . /app',
    'WORKDIR /app',
    'RUN CGO_ENABLED=0 GOOS=linux \\',
    `    go build -tags migrate -o /bin/app ./cmd/${main}`,
    'FROM scratch',
    `EXPOSE ${port}`,
    'COPY --from=builder /bin/app /app',
    'CMD ["/app"]',
    '',
  ].join('\n');

const goService = (name: string, port: number, env: string[] = [], deps: string[] = []) => [
  `  ${name}:`,
  '    build:',
  '      context: .',
  `      dockerfile: ./docker/Dockerfile-${name}`,
  ...(port ? ['    ports:', `      - ${port}:${port}`] : []),
  ...(env.length ? ['    environment:', ...env.map((e) => `      ${e}`)] : []),
  ...(deps.length ? ['    depends_on:', ...deps.map((d) => `      - ${d}`)] : []),
];

describe('one build context, a Dockerfile per program (go-coffeeshop)', () => {
  let model: ArchitectureModel;
  const pg = 'PG_URL: postgres://postgres:secret@postgres:5432/postgres';
  const mq = 'RABBITMQ_URL: amqp://guest:guest@rabbitmq:5672/';
  analyzed('archmd-compose-programs-', {
    'README.md': '# coffeeshop\n\nAn event-driven coffee shop in Go.\n',
    'go.mod': 'module github.com/acme/coffeeshop\n\ngo 1.19\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.3.0\n\tgithub.com/rabbitmq/amqp091-go v1.5.0\n\tgithub.com/labstack/echo/v4 v4.10.0\n)\n',
    'cmd/proxy/main.go': 'package main\n\nimport "github.com/acme/coffeeshop/internal/proxy"\n\nfunc main() { proxy.Run() }\n',
    'cmd/counter/main.go': 'package main\n\nimport "github.com/acme/coffeeshop/internal/counter"\n\nfunc main() { counter.Run() }\n',
    'cmd/counter/config/config.go': 'package config\n\ntype Config struct{ PG string }\n',
    'cmd/barista/main.go': 'package main\n\nimport "github.com/acme/coffeeshop/internal/barista"\n\nfunc main() { barista.Run() }\n',
    'internal/proxy/proxy.go': 'package proxy\n\nfunc Run() {}\n',
    'internal/counter/counter.go': 'package counter\n\nimport (\n\t_ "github.com/jackc/pgx/v5"\n\t"github.com/acme/coffeeshop/cmd/counter/config"\n)\n\nvar c config.Config\n\nfunc Run() {}\n',
    'internal/barista/barista.go': 'package barista\n\nimport _ "github.com/rabbitmq/amqp091-go"\n\nfunc Run() {}\n',
    'docker/Dockerfile-proxy': goDockerfile('proxy', 5000),
    'docker/Dockerfile-counter': goDockerfile('counter', 5002),
    'docker/Dockerfile-barista': goDockerfile('barista', 5003),
    'docker-compose.yaml': [
      'services:',
      '  postgres:',
      '    image: postgres:14-alpine',
      '  rabbitmq:',
      '    image: rabbitmq:3.11-management-alpine',
      ...goService('proxy', 5000, [], ['counter']),
      ...goService('counter', 5002, [pg, mq], ['postgres', 'rabbitmq']),
      ...goService('barista', 0, [pg, mq], ['postgres', 'rabbitmq']),
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('makes each program a service of its own, named by its compose service, in its program folder', () => {
    assert.equal(model.containers.find((c) => c.path === 'docker'), undefined, 'a folder of Dockerfiles is no part');
    for (const [name, path] of [['proxy', 'cmd/proxy'], ['counter', 'cmd/counter'], ['barista', 'cmd/barista']]) {
      const c = byName(model, name);
      assert.equal(c?.path, path, name);
      assert.equal(c?.kind, 'service', name);
      assert.equal(c?.language, 'Go');
    }
    assert.deepEqual(byName(model, 'proxy')?.ports, [5000]);
    assert.deepEqual(byName(model, 'counter')?.ports, [5002]);
  });

  it('keeps each service its own links, and the module they share is their library', () => {
    assert.ok(dependsOn(model, 'counter', 'postgres') && dependsOn(model, 'barista', 'postgres'));
    assert.ok(dependsOn(model, 'proxy', 'counter'));
    assert.ok(!dependsOn(model, 'proxy', 'postgres'));
    assert.equal(model.containers.find((c) => c.path === '')?.kind, 'library');
    assert.deepEqual(model.cycles, []);
  });

  it('reads as several services sharing one postgres, not a monolith', () => {
    assert.ok(!model.system.style.some((s) => s.value === 'Monolith'), JSON.stringify(model.system.style));
    assert.ok(model.observations.some((o) => /postgres is shared by barista and counter/.test(o.value)), JSON.stringify(model.observations));
    assert.doesNotMatch(render(model), /users reach \*\*docker\*\*/);
  });
});

describe('one build context and one Dockerfile run as several services (sentry)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-one-build-', {
    'go.mod': 'module github.com/acme/relay\n\ngo 1.22\n',
    'cmd/relay/main.go': 'package main\n\nfunc main() {}\n',
    'docker/Dockerfile-relay': goDockerfile('relay', 3000),
    'docker-compose.yml': ['services:', ...goService('relay', 3000), '  relay-worker:', '    build:', '      context: .', '      dockerfile: ./docker/Dockerfile-relay', ''].join('\n'),
  }, (m) => (model = m));

  it('stays one part', () => {
    const own = model.containers.filter((c) => c.role === 'main' && c.path !== undefined);
    assert.deepEqual(own.map((c) => c.path), ['']);
  });
});

describe('a store that waits for another store (langfuse: clickhouse depends_on postgres)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-store-order-', {
    'package.json': JSON.stringify({ name: 'tracer', private: true, scripts: { start: 'node server.js' }, dependencies: { pg: '^8.11.0', '@clickhouse/client': '^1.0.0' } }),
    'server.js': "const pg = require('pg');\nconst { createClient } = require('@clickhouse/client');\n",
    'docker-compose.dev.yml': [
      'services:',
      '  clickhouse:',
      '    image: clickhouse/clickhouse-server:25.12',
      '    depends_on:',
      '      - postgres',
      '  postgres:',
      '    image: postgres:17',
      '  app:',
      '    build: .',
      '    environment:',
      '      DATABASE_URL: postgresql://postgres:postgres@postgres:5432/postgres',
      '    depends_on:',
      '      - clickhouse',
      '      - postgres',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('draws no link between the two stores, and neither is the other\'s user', () => {
    assert.ok(!dependsOn(model, 'clickhouse', 'postgres'), JSON.stringify(model.relationships.map((r) => r.id)));
    assert.ok(dependsOn(model, 'tracer', 'postgres') && dependsOn(model, 'tracer', 'clickhouse'));
    assert.doesNotMatch(render(model), /clickhouse\*\* \([^)]*\) → \*\*postgres|used by [^;)]*clickhouse/);
  });
});

describe("Kafka's side services in compose (yas: debezium/connect, a schema registry, kafka-ui)", () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-kafka-side-', {
    'pom.xml': '<project><groupId>com.acme</groupId><artifactId>orders</artifactId><dependencies><dependency><groupId>org.springframework.kafka</groupId><artifactId>spring-kafka</artifactId></dependency></dependencies></project>\n',
    'src/main/java/com/acme/Orders.java': 'package com.acme;\n\npublic class Orders { public static void main(String[] a) {} }\n',
    'docker-compose.yml': [
      'services:',
      '  orders:',
      '    build: .',
      '    depends_on:',
      '      - kafka',
      '  kafka:',
      '    image: confluentinc/cp-kafka:7.7.1',
      '  kafka-connect:',
      '    image: debezium/connect:2.7.3.Final',
      '    environment:',
      '      BOOTSTRAP_SERVERS: kafka:9092',
      '  schema-registry:',
      '    image: confluentinc/cp-schema-registry:7.7.1',
      '  kafka-ui:',
      '    image: provectuslabs/kafka-ui:latest',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('calls only Kafka a message broker', () => {
    const brokers = model.containers.filter((c) => c.kind === 'broker').map((c) => c.name);
    assert.deepEqual(brokers, ['kafka']);
    for (const name of ['kafka-connect', 'schema-registry', 'kafka-ui']) assert.notEqual(byName(model, name)?.kind, 'broker', name);
  });
});

describe('one PostgreSQL server, a database per service, and a loader that fills two of them (yas)', () => {
  let model: ArchitectureModel;
  const service = (name: string, urls: string[]) => ({
    [`${name}/pom.xml`]: `<project><groupId>com.yas</groupId><artifactId>${name}</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>\n`,
    [`${name}/src/main/resources/application.properties`]: urls.map((u, i) => `spring.datasource${urls.length > 1 ? `.db${i}` : ''}.url=jdbc:postgresql://localhost:5432/${u}\n`).join(''),
    [`${name}/src/main/java/com/yas/${name}/App.java`]: `package com.yas.${name};\n\n@SpringBootApplication\npublic class App {\n  public static void main(String[] args) { SpringApplication.run(App.class, args); }\n}\n`,
  });
  const run = (name: string, db: string) => [`  ${name}:`, `    build: ./${name}`, '    environment:', `      - SPRING_DATASOURCE_URL=jdbc:postgresql://postgres:5432/${db}`];
  analyzed('archmd-compose-db-each-', {
    ...service('cart', ['cart']),
    ...service('customer', ['customer']),
    ...service('product', ['product']),
    ...service('sampledata', ['product', 'media']),
    'docker-compose.yml': ['services:', '  postgres:', '    image: debezium/postgres:16-alpine', ...run('cart', 'cart'), ...run('customer', 'customer'), ...run('product', 'product'), ...run('sampledata', 'product'), ''].join('\n'),
  }, (m) => (model = m));

  it('says only the services whose configuration names one database share its data', () => {
    const observations = model.observations.map((o) => o.value).join('\n');
    assert.doesNotMatch(observations, /shared by cart|shared by [^;]*customer/);
    assert.match(observations, /postgres is shared by product and sampledata \(database product\)/);
  });

  it('cites the configuration, not the driver every service declares', () => {
    const shared = model.observations.find((o) => /shared by product/.test(o.value));
    assert.ok(shared && shared.evidence.every((e) => !/dependency/.test(e.rule)), JSON.stringify(shared?.evidence));
  });
});

describe("a compose file that runs the repository's own image through a variable with a default (miniflux)", () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-own-image-', {
    'go.mod': 'module miniflux.app/v2\n\ngo 1.24\n\nrequire github.com/lib/pq v1.10.9\n',
    'main.go': 'package main\n\nimport "miniflux.app/v2/internal/cli"\n\nfunc main() { cli.Parse() }\n',
    'internal/cli/cli.go': 'package cli\n\nimport (\n\t"net/http"\n\n\t_ "github.com/lib/pq"\n)\n\nfunc Parse() { http.ListenAndServe(":8080", nil) }\n',
    'contrib/docker-compose/basic.yml': [
      'services:',
      '  miniflux:',
      '    image: ${MINIFLUX_IMAGE:-miniflux/miniflux:latest}',
      '    ports:',
      '      - "80:8080"',
      '    environment:',
      '      - DATABASE_URL=postgres://miniflux:secret@db/miniflux?sslmode=disable',
      '  db:',
      '    image: postgres:latest',
      '',
    ].join('\n'),
    'contrib/docker-compose/caddy.yml': ['services:', '  caddy:', '    image: caddy:2', '    depends_on:', '      - miniflux', '  miniflux:', '    image: ${MINIFLUX_IMAGE:-miniflux/miniflux:latest}', ''].join('\n'),
    'contrib/docker-compose/Caddyfile': 'miniflux.example.org {\n    reverse_proxy miniflux:8080\n}\n',
  }, (m) => (model = m));

  it('runs the root module, not a second part called miniflux', () => {
    assert.deepEqual(model.containers.filter((c) => c.kind !== 'datastore' && c.kind !== 'proxy').map((c) => c.path), ['']);
    assert.ok(model.relationships.some((r) => r.from === 'container:root' && r.to === byName(model, 'db')?.id));
  });

  it("gives the Caddyfile beside the compose file that runs Caddy to that Caddy, not to the module", () => {
    assert.ok(!model.containers.find((c) => c.path === '')?.technologies.includes('caddy'));
    assert.ok(byName(model, 'caddy')?.technologies.includes('caddy'));
  });
});

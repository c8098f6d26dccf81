/**
 * Compose files on the traps real repositories set: one folder built as four databases, a toolbox image that
 * several dev services share, a catalogue of independent examples each with its own compose file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const byName = (model: ArchitectureModel, name: string) => model.containers.find((c) => c.name === name);
const dataEdges = (model: ArchitectureModel) =>
  model.relationships.filter((r) => r.kind === 'data' || r.kind === 'runtime').map((r) => `${model.containers.find((c) => c.id === r.from)?.name} -> ${model.containers.find((c) => c.id === r.to)?.name}`).sort();

const springService = (name: string) => ({
  [`${name}/pom.xml`]:
    `<project><groupId>com.acme</groupId><artifactId>${name}</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-mongodb</artifactId></dependency></dependencies></project>\n`,
  [`${name}/Dockerfile`]: `FROM eclipse-temurin:17\nCOPY target/${name}.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n`,
  [`${name}/src/main/java/com/acme/App.java`]: 'package com.acme;\n\nimport org.springframework.data.mongodb.repository.MongoRepository;\n\npublic class App {}\n',
});

describe('one mongodb/ folder built as a database for each service (piggymetrics)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-instances-', {
    ...springService('auth-service'),
    ...springService('account-service'),
    'mongodb/Dockerfile': 'FROM mongo:3\nCOPY init.sh /init.sh\nCMD ["/init.sh"]\n',
    'mongodb/init.sh': '#!/bin/sh\nmongod\n',
    'mongodb-init/Dockerfile': 'FROM alpine:3.20\nCOPY create.sh /create.sh\nCMD ["/create.sh"]\n',
    'mongodb-init/create.sh': '#!/bin/sh\nmongo --eval "db.createCollection(\'accounts\')"\n',
    'docker-compose.yml': [
      'services:',
      '  auth-service:',
      '    image: acme/auth-service',
      '  auth-mongodb:',
      '    image: acme/piggy-mongodb',
      '  account-service:',
      '    image: acme/account-service',
      '  account-mongodb:',
      '    image: acme/piggy-mongodb',
      '',
    ].join('\n'),
    'docker-compose.dev.yml': [
      'services:',
      '  auth-service:',
      '    build: auth-service',
      '  auth-mongodb:',
      '    build: mongodb',
      '    ports:',
      '      - 25000:27017',
      '  account-service:',
      '    build: account-service',
      '  account-mongodb:',
      '    build: mongodb',
      '    ports:',
      '      - 26000:27017',
      '  mongodb-init:',
      '    build: mongodb-init',
      '    depends_on:',
      '      - account-mongodb',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('makes a store of each compose service, not one named after one of them (nor of the job that fills one)', () => {
    const stores = model.containers.filter((c) => c.kind === 'datastore').map((c) => c.name).sort();
    assert.deepEqual(stores, ['account-mongodb', 'auth-mongodb']);
  });

  it('links each service to the store named after it, and says no store is shared', () => {
    assert.deepEqual(dataEdges(model), ['account-service -> account-mongodb', 'auth-service -> auth-mongodb']);
    assert.ok(!model.observations.some((o) => /shared by/.test(o.value)), JSON.stringify(model.observations));
  });
});

describe('a dev compose file whose services share a toolbox image and mount the project (listmonk, karakeep)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-toolbox-', {
    'go.mod': 'module github.com/acme/mailer\n\ngo 1.24\n\nrequire github.com/labstack/echo/v4 v4.11.0\n',
    'main.go': 'package main\n\nimport "github.com/labstack/echo/v4"\n\nfunc main() {\n\te := echo.New()\n\te.GET("/api/lists", nil)\n\te.Start(":9000")\n}\n',
    Dockerfile: 'FROM alpine:3.20\nCOPY mailer /mailer\nCMD ["/mailer"]\n',
    'docker-compose.yml': ['services:', '  app:', '    image: acme/mailer:latest', '    ports:', '      - "9000:9000"', '    depends_on:', '      - db', '    environment:', '      MAILER_db__host: db', '  db:', '    image: postgres:17-alpine', ''].join('\n'),
    'dev/app.Dockerfile': 'FROM golang:1.24 AS go\n\nFROM node:20 AS node\nCOPY --from=go /usr/local/go /usr/local/go\nWORKDIR /app\nCMD [ "sleep infinity" ]\n',
    'dev/docker-compose.yml': [
      'services:',
      '  adminer:',
      '    image: adminer:4.8.1-standalone',
      '  db:',
      '    image: postgres:13',
      '  front:',
      '    build:',
      '      context: ../',
      '      dockerfile: dev/app.Dockerfile',
      '    command: ["make", "run-frontend"]',
      '    ports:',
      '      - "8080:8080"',
      '    volumes:',
      '      - ../:/app',
      '  backend:',
      '    build:',
      '      context: ../',
      '      dockerfile: dev/app.Dockerfile',
      '    command: ["make", "run-backend"]',
      '    depends_on:',
      '      - db',
      '    volumes:',
      '      - ../:/app',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('makes no part of the folder that only holds the dev image', () => {
    assert.ok(!model.containers.some((c) => c.path === 'dev'), JSON.stringify(model.containers.map((c) => [c.name, c.path])));
    assert.ok(!model.containers.some((c) => c.name === 'backend' || c.name === 'front'));
  });

  it('takes the image and the ports from the main compose file, not the dev one', () => {
    assert.equal(model.containers.find((c) => c.kind === 'datastore')?.image, 'postgres:17-alpine');
    assert.deepEqual(model.containers.find((c) => c.path === '')?.ports, [9000]);
    // and cites it first: the document names one file for a store
    assert.equal(model.containers.find((c) => c.kind === 'datastore')?.evidence[0]?.file, 'docker-compose.yml');
  });

  it('gives no part the image of a compose service that runs beside it (adminer)', () => {
    assert.ok(!model.containers.some((c) => c.technologies.includes('adminer')), JSON.stringify(model.containers.map((c) => [c.name, c.technologies])));
    assert.doesNotMatch(render(model), /\| [^|\n]*Adminer[^|\n]* \|/);
  });
});

describe('a catalogue of independent examples, one running DynamoDB Local in its compose file (serverless/examples)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-catalogue-', {
    'README.md': '# Examples\n\nA collection of serverless examples.\n',
    'node-dynamodb-local/package.json': JSON.stringify({ name: 'node-dynamodb-local', dependencies: { '@aws-sdk/client-dynamodb': '^3.0.0' } }),
    'node-dynamodb-local/handler.js': "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');\nmodule.exports.get = async () => new DynamoDBClient({});\n",
    'node-dynamodb-local/serverless.yml': 'service: node-dynamodb-local\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  get:\n    handler: handler.get\n    events:\n      - httpApi: GET /items\n',
    'node-dynamodb-local/docker-compose.yml': ['services:', '  dynamodb:', '    image: amazon/dynamodb-local', '    ports:', '      - 8000:8000', ''].join('\n'),
    'python-pynamodb/requirements.txt': 'pynamodb==6.0.0\nboto3==1.34.0\n',
    'python-pynamodb/handler.py': 'from pynamodb.models import Model\nimport boto3\n\n\ndef get(event, context):\n    return {}\n',
    'python-pynamodb/serverless.yml': 'service: python-pynamodb\nprovider:\n  name: aws\n  runtime: python3.12\nfunctions:\n  get:\n    handler: handler.get\n    events:\n      - httpApi: GET /notes\n',
  }, (m) => (model = m));

  it('links the DynamoDB Local container only to the example whose compose file runs it', () => {
    const store = model.containers.find((c) => c.image === 'amazon/dynamodb-local');
    assert.ok(store, JSON.stringify(model.containers.map((c) => [c.name, c.path, c.image])));
    const users = model.relationships.filter((r) => r.to === store.id).map((r) => model.containers.find((c) => c.id === r.from)?.path);
    assert.ok(!users.includes('python-pynamodb'), JSON.stringify(users));
  });
});

describe('two parts, each run with its own "db" by a compose file of its own', () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-two-projects-', {
    'app/package.json': JSON.stringify({ name: 'app', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }),
    'app/server.js': "const express = require('express');\nconst { Pool } = require('pg');\nconst app = express();\napp.get('/api/items', (req, res) => res.json([]));\napp.listen(3000);\n",
    'app/Dockerfile': 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
    'admin/package.json': JSON.stringify({ name: 'admin', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }),
    'admin/server.js': "const express = require('express');\nconst { Pool } = require('pg');\nconst app = express();\napp.get('/api/users', (req, res) => res.json([]));\napp.listen(4000);\n",
    'admin/Dockerfile': 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
    'docker-compose.yml': ['services:', '  app:', '    build: ./app', '    environment:', '      DATABASE_URL: postgres://db:5432/app', '  db:', '    image: postgres:16', ''].join('\n'),
    'admin/docker-compose.yml': ['services:', '  admin:', '    build: .', '    environment:', '      DATABASE_URL: postgres://db:5432/admin', '  db:', '    image: postgres:16', ''].join('\n'),
  }, (m) => (model = m));

  it('does not call the store shared by parts that no one compose file runs together', () => {
    assert.ok(!model.observations.some((o) => /shared by|serves .* each with/.test(o.value)), JSON.stringify(model.observations));
  });
});

describe("a service's own compose file beside the system's, and a test setup in the same folder as the main one", () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-main-wins-', {
    'dispatch/go.mod': 'module github.com/acme/dispatch\n\ngo 1.22\n\nrequire github.com/streadway/amqp v1.0.0\n',
    'dispatch/main.go': 'package main\n\nimport "github.com/streadway/amqp"\n\nfunc main() { amqp.Dial("amqp://rabbitmq") }\n',
    'dispatch/Dockerfile': 'FROM golang:1.22\nCOPY . /src\nRUN go build -o /dispatch /src\nCMD ["/dispatch"]\n',
    'dispatch/docker-compose.yaml': ['services:', '  dispatch:', '    build: .', '  rabbitmq:', '    image: rabbitmq:3.7-management-alpine', ''].join('\n'),
    'docker-compose.yaml': ['services:', '  dispatch:', '    build: dispatch', '    depends_on:', '      - rabbitmq', '  rabbitmq:', '    image: rabbitmq:3.8-management-alpine', ''].join('\n'),
    'web/package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.19.0' } }),
    'web/server.js': "const express = require('express');\nconst app = express();\napp.get('/api/docs', (req, res) => res.json([]));\napp.listen(8000);\n",
    'web/Dockerfile': 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
    'docker/compose/docker-compose.tika.yml': ['services:', '  webserver:', '    build: ../../web', '    environment:', '      TIKA_ENDPOINT: http://tika:9998', '  tika:', '    image: apache/tika:latest', ''].join('\n'),
    'docker/compose/docker-compose.ci-test.yml': ['services:', '  tika:', '    image: apache/tika:3.3.1.0', ''].join('\n'),
    '.devcontainer/docker-compose.devcontainer.yml': ['services:', '  tika:', '    image: apache/tika:2.9', ''].join('\n'),
  }, (m) => (model = m));

  it("runs the root compose file's broker image, not the one in the service's own file", () => {
    const broker = model.containers.filter((c) => c.role === 'main' && c.kind === 'broker');
    assert.deepEqual(broker.map((c) => c.image), ['rabbitmq:3.8-management-alpine']);
  });

  it('gives every part its own id and points the main setup at its own tika', () => {
    const ids = model.containers.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, JSON.stringify(ids));
    const edge = model.relationships.find((r) => r.from === model.containers.find((c) => c.path === 'web')?.id && /TIKA/.test(r.description));
    const target = model.containers.find((c) => c.id === edge?.to);
    assert.equal(target?.role, 'main', JSON.stringify(model.relationships.map((r) => [r.from, r.to])));
    assert.equal(target?.image, 'apache/tika:latest');
  });
});

describe('a "db" that one compose file runs as PostgreSQL and another as MariaDB (paperless-ngx)', () => {
  let model: ArchitectureModel;
  const compose = (image: string, engine: string) =>
    ['services:', '  db:', `    image: ${image}`, '  webserver:', '    image: ghcr.io/acme/papers:latest', '    depends_on:', '      - db', '    environment:', '      PAPERLESS_DBHOST: db', `      PAPERLESS_DBENGINE: ${engine}`, ''].join('\n');
  analyzed('archmd-compose-same-name-', {
    'pyproject.toml': '[project]\nname = "papers"\ndependencies = ["django>=5.0", "psycopg>=3.1", "mysqlclient>=2.2"]\n',
    'src/papers/settings.py': 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}\n',
    'src/papers/views.py': 'from django.http import JsonResponse\n\n\ndef index(request):\n    return JsonResponse({})\n',
    'src/manage.py': 'import django\n',
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "papers.wsgi"]\n',
    'docker/compose/docker-compose.postgres.yml': compose('docker.io/library/postgres:18', 'postgresql'),
    'docker/compose/docker-compose.mariadb.yml': compose('docker.io/library/mariadb:12', 'mariadb'),
  }, (m) => (model = m));

  it('makes two stores, each labelled with the image its own files run', () => {
    const stores = model.containers.filter((c) => c.kind === 'datastore');
    assert.deepEqual(stores.map((c) => c.image).sort(), ['docker.io/library/mariadb:12', 'docker.io/library/postgres:18'], JSON.stringify(stores.map((c) => [c.id, c.image])));
    const mariadb = stores.find((c) => c.image?.includes('mariadb'));
    assert.ok(!mariadb?.evidence.some((e) => e.file.includes('postgres')), JSON.stringify(mariadb?.evidence));
  });

  it('tells the two apart by the product each runs', () => {
    const names = model.containers.filter((c) => c.kind === 'datastore').map((c) => c.name).sort();
    assert.deepEqual(names, ['db (MariaDB)', 'db (PostgreSQL)']);
  });
});

describe('a compose service another reaches by its hostname', () => {
  let model: ArchitectureModel;
  analyzed('archmd-compose-hostname-', {
    'cart/package.json': JSON.stringify({ name: 'cart', scripts: { start: 'node index.js' }, dependencies: { express: '^4.19.0' } }),
    'cart/index.js': 'import express from "express";\nexpress().get("/carts", (q, s) => s.json([])).listen(8080);\n',
    'cart/Dockerfile': 'FROM node:20\nCOPY . .\nEXPOSE 8080\nCMD ["node", "index.js"]\n',
    'ui/package.json': JSON.stringify({ name: 'ui', scripts: { start: 'node index.js' }, dependencies: { express: '^4.19.0' } }),
    'ui/index.js': 'import express from "express";\nexpress().listen(8080);\n',
    'ui/Dockerfile': 'FROM node:20\nCOPY . .\nEXPOSE 8080\nCMD ["node", "index.js"]\n',
    'docker-compose.yml': 'services:\n  cart:\n    build: ./cart\n    hostname: carts\n  ui:\n    build: ./ui\n    ports: ["8888:8080"]\n    depends_on: [cart]\n    environment:\n      ENDPOINTS_CARTS: http://carts:8080\n',
  }, (m) => (model = m));

  it('draws the call the URL makes, not only the start-up order', () => {
    const ui = model.containers.find((c) => c.path === 'ui')!;
    const cart = model.containers.find((c) => c.path === 'cart')!;
    const edge = model.relationships.find((r) => r.from === ui.id && r.to === cart.id);
    assert.equal(edge?.technology, 'HTTP', JSON.stringify(edge));
  });
});

/**
 * What kind of thing each part is, on the traps real repositories set: a Go program without a CLI framework,
 * a Dockerfile that only runs the tests, a package whose only import entry is its command.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const kindOf = (model: ArchitectureModel, path: string) => model.containers.find((c) => c.path === path)?.kind;

describe('a Go program with no CLI framework, tested in a Docker image', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-go-cli-', {
    'README.md': '# finder\n\nfinder is a general-purpose command-line fuzzy finder.\n',
    'go.mod': 'module github.com/acme/finder\n\ngo 1.23\n\nrequire github.com/gdamore/tcell/v2 v2.7.4\n',
    'main.go': '// finder: a fuzzy finder\n\npackage main\n\nimport (\n\t"os"\n\n\t"github.com/acme/finder/src"\n)\n\nfunc main() {\n\tos.Exit(finder.Run(os.Args))\n}\n',
    'src/core.go': 'package finder\n\nfunc Run(args []string) int { return 0 }\n',
    'src/gen/main.go': 'package main\n\nfunc main() {}\n',
    Dockerfile: 'FROM rubylang/ruby:3.4\nRUN gem install minitest\nCOPY . /finder\nRUN cd /finder && make install\nCMD ["bash", "-ic", "tmux new \'ruby /finder/test/runner.rb | tee out\'"]\n',
    'test/runner.rb': 'require "minitest/autorun"\n',
  }, (m) => (model = m));

  it('is a command-line tool, not a service the network reaches', () => {
    assert.equal(kindOf(model, ''), 'cli');
    const doc = render(model);
    assert.doesNotMatch(doc, /over the network|runs as a service/);
    assert.match(doc, /users reach \*\*finder\*\* from the command line/);
  });

  it('does not run in Docker: the image is a test bench', () => {
    assert.ok(!model.deployment.runtime.some((f) => f.value === 'Docker'), JSON.stringify(model.deployment.runtime));
  });
});

describe('a Go module that serves its own routes with net/http, and a Go library with a code generator', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-go-server-', {
    'server/go.mod': 'module example.com/webapp-server\n\ngo 1.24\n',
    'server/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"example.com/webapp-server/internal/server"\n)\n\nfunc main() {\n\thttp.ListenAndServe(":3200", server.Routes())\n}\n',
    'server/internal/server/server.go': 'package server\n\nimport "net/http"\n\nfunc Routes() *http.ServeMux {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {})\n\tmux.HandleFunc("/api/v1/bundle", func(w http.ResponseWriter, r *http.Request) {})\n\treturn mux\n}\n',
    'colors/go.mod': 'module example.com/colors\n\ngo 1.24\n',
    'colors/colors.go': 'package colors\n\nfunc Parse(s string) int { return 0 }\n',
    'colors/gen.go': '//go:build ignore\n\npackage main\n\nfunc main() {}\n',
    'colors/internal/gen/main.go': 'package main\n\nfunc main() {}\n',
  }, (m) => (model = m));

  it('calls the program a service and the module with only generators a library', () => {
    assert.equal(kindOf(model, 'server'), 'service');
    assert.equal(kindOf(model, 'colors'), 'library');
  });
});

describe('Kafka with its ZooKeeper, and a CDC-ready PostgreSQL image', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-coordination-', {
    'docker-compose.yml': [
      'services:',
      '  zookeeper:',
      '    image: debezium/zookeeper:2.7',
      '  kafka:',
      '    image: wurstmeister/kafka:2.13-2.8.1',
      '    depends_on: [zookeeper]',
      '    environment:',
      '      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181',
      '  postgres:',
      '    image: debezium/postgres:16-alpine',
      '  order:',
      '    build: ./order',
      '    ports: ["8080:8080"]',
      '    depends_on: [kafka, postgres]',
      '',
    ].join('\n'),
    'order/package.json': JSON.stringify({ name: 'order', dependencies: { express: '^4.19.0', kafkajs: '^2.2.4', pg: '^8.11.0' } }),
    'order/index.js': 'import express from "express";\nconst app = express();\napp.post("/orders", (req, res) => res.send("ok"));\napp.listen(8080);\n',
    'order/Dockerfile': 'FROM node:20\nCOPY . .\nEXPOSE 8080\nCMD ["node", "index.js"]\n',
  }, (m) => (model = m));

  it('calls ZooKeeper a coordination service and the Debezium image PostgreSQL', () => {
    const byName = (name: string) => model.containers.find((c) => c.name === name);
    assert.equal(byName('zookeeper')?.kind, 'coordination');
    assert.equal(byName('postgres')?.kind, 'datastore');
  });

  it('keeps no data in ZooKeeper and runs no request through it', () => {
    const doc = render(model);
    const section = (name: string) => doc.split(`section="${name}"`)[1] ?? '';
    assert.doesNotMatch(section('conclusion'), /keeps its data in[^.]*zookeeper/);
    assert.doesNotMatch(section('data-flow'), /→ \*\*zookeeper\*\*/);
    assert.doesNotMatch(section('technology-stack'), /\*\*Database\*\*:[^\n]*ZooKeeper/);
  });
});

describe('an npm command with a bare main, and a typed package that also installs one', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-npm-bin-', {
    'packages/cli/package.json': JSON.stringify({ name: '@acme/cli', description: 'A CLI to run API test scripts in CI.', main: 'dist/index.js', bin: { hopp: 'bin/hopp.js' }, dependencies: { commander: '^12.0.0' } }),
    'packages/cli/bin/hopp.js': '#!/usr/bin/env node\nimport "../dist/index.js";\n',
    'packages/cli/src/index.ts': 'import { Command } from "commander";\nnew Command("hopp").parse();\n',
    'packages/data/package.json': JSON.stringify({ name: '@acme/data', main: 'dist/index.js', types: 'dist/index.d.ts', bin: { 'data-migrate': 'bin/migrate.js' } }),
    'packages/data/src/index.ts': 'export const version = 1;\n',
  }, (m) => (model = m));

  it('calls the command a command-line tool and the typed package a library', () => {
    assert.equal(kindOf(model, 'packages/cli'), 'cli');
    assert.equal(kindOf(model, 'packages/data'), 'library');
  });
});

describe('a CDK app whose package.json has the bin script cdk synth runs', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-cdk-', {
    'package.json': JSON.stringify({ name: 'apigw-lambda-sqs', bin: { 'apigw-lambda-sqs': 'bin/app.js' }, dependencies: { 'aws-cdk-lib': '^2.150.0', constructs: '^10.0.0', '@aws-sdk/client-sns': '^3.600.0' } }),
    'cdk.json': JSON.stringify({ app: 'npx ts-node --prefer-ts-exts bin/app.ts' }),
    'bin/app.ts': 'import * as cdk from "aws-cdk-lib";\nimport { ApiStack } from "../lib/stack";\nnew ApiStack(new cdk.App(), "api");\n',
    'lib/stack.ts': 'import * as cdk from "aws-cdk-lib";\nexport class ApiStack extends cdk.Stack {}\n',
    'src/handlers/publisher.ts': 'import { SNSClient } from "@aws-sdk/client-sns";\nexport const handler = async () => new SNSClient({});\n',
  }, (m) => (model = m));

  it('is an application, not a command users run', () => {
    assert.equal(kindOf(model, ''), 'application');
    assert.doesNotMatch(render(model), /command-line tool|from the command line/);
  });
});

describe('services with a database each on one PostgreSQL server', () => {
  let model: ArchitectureModel;
  const service = (name: string) => ({
    [`${name}/pom.xml`]: `<project><groupId>com.acme</groupId><artifactId>${name}</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>\n`,
    [`${name}/src/main/resources/application.properties`]: `spring.datasource.url=jdbc:postgresql://postgres/db${name}\n`,
    [`${name}/src/main/java/com/acme/${name}/App.java`]: `package com.acme.${name};\n\n@SpringBootApplication\npublic class App {\n  public static void main(String[] args) { SpringApplication.run(App.class, args); }\n}\n`,
    [`${name}/Dockerfile`]: 'FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\nEXPOSE 8080\nCMD ["java", "-jar", "/app.jar"]\n',
  });
  analyzed('archmd-kinds-own-db-', {
    ...service('order'),
    ...service('shipping'),
    'docker-compose.yml': 'services:\n  postgres:\n    image: postgres:16\n  order:\n    build: order\n    depends_on: [postgres]\n  shipping:\n    build: shipping\n    depends_on: [postgres]\n',
  }, (m) => (model = m));

  it('says they share the server, not their data', () => {
    const observations = model.observations.map((o) => o.value).join('\n');
    assert.match(observations, /postgres serves order and shipping, each with a database of its own/);
    assert.doesNotMatch(observations, /a change to its data/);
  });
});

describe('a Maven library and an extras module that depends on it', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-own-artifact-', {
    'pom.xml': '<project><groupId>com.google.code.gson</groupId><artifactId>gson-parent</artifactId><packaging>pom</packaging><modules><module>gson</module><module>extras</module></modules></project>\n',
    'gson/pom.xml': '<project><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId></project>\n',
    'gson/src/main/java/com/google/gson/Gson.java': 'package com.google.gson;\n\npublic final class Gson {}\n',
    'extras/pom.xml': '<project><groupId>com.google.code.gson</groupId><artifactId>gson-extras</artifactId><dependencies><dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId></dependency></dependencies></project>\n',
    'extras/src/main/java/com/google/gson/extras/Graph.java': 'package com.google.gson.extras;\n\nimport com.google.gson.Gson;\n\npublic final class Graph { Gson gson; }\n',
  }, (m) => (model = m));

  it('does not list the library it builds as a technology it uses', () => {
    assert.ok(!model.technologies.some((t) => t.id === 'gson'), model.technologies.map((t) => t.id).join());
  });

  it('says programs call the library the others build on', () => {
    assert.match(render(model), /programs call \*\*gson\*\* through its public API/);
  });
});

describe('a Koa server that also renders a React app, and a Vue app with its router', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-lead-', {
    'package.json': JSON.stringify({ name: 'wiki', private: true, scripts: { start: 'node build/server/index.js' }, dependencies: { koa: '^2.15.0', react: '^18.3.0', 'react-dom': '^18.3.0', 'react-router-dom': '^6.0.0', pg: '^8.11.0' } }),
    'server/index.ts': 'import Koa from "koa";\nconst app = new Koa();\napp.listen(3000);\n',
    'app/index.tsx': 'import React from "react";\nimport { createRoot } from "react-dom/client";\ncreateRoot(document.body).render(<div />);\n',
    Dockerfile: 'FROM node:20\nCOPY . .\nEXPOSE 3000\nCMD ["node", "build/server/index.js"]\n',
    'shop/package.json': JSON.stringify({ name: 'shop-frontend', private: true, scripts: { dev: 'vite' }, dependencies: { vue: '^3.4.0', 'vue-router': '^4.3.0' } }),
    'shop/src/main.ts': 'import { createApp } from "vue";\nimport { createRouter } from "vue-router";\ncreateApp({}).use(createRouter({ routes: [] } as never));\n',
  }, (m) => (model = m));

  it('leads the server with its server framework and the app with its framework, not its router', () => {
    const doc = render(model);
    assert.match(doc, /\["wiki<br\/>service · Koa"\]/);
    assert.match(doc, /\["shop-frontend<br\/>frontend · Vue\.js"\]/);
    assert.match(doc, /A service built with Koa/);
  });
});

describe('layers of one codebase, with and without a cycle between its modules', () => {
  const app = (cycle: boolean) => ({
    'package.json': JSON.stringify({ name: 'notes', private: true, scripts: { start: 'node server/index.js' }, dependencies: { express: '^4.19.0' } }),
    'server/index.ts': 'import express from "express";\nimport { render } from "../app/render";\nimport { Note } from "../shared/note";\nexpress().get("/", (_q, r) => r.send(render(new Note())));\n',
    'app/render.ts': `import { Note } from "../shared/note";\n${cycle ? 'import { config } from "../server/config";\n' : ''}export const render = (n: Note) => String(n);\n`,
    'server/config.ts': 'export const config = {};\n',
    'shared/note.ts': 'export class Note {}\n',
  });
  let layered: ArchitectureModel;
  let cyclic: ArchitectureModel;
  analyzed('archmd-kinds-layers-', app(false), (m) => (layered = m));
  analyzed('archmd-kinds-layers-cycle-', app(true), (m) => (cyclic = m));

  it('ranks modules by their imports', () => {
    assert.deepEqual(layered.system.layers.map((l) => l.value), ['top: server', 'middle: app', 'bottom: shared']);
  });

  it('puts modules that import each other on one layer', () => {
    assert.deepEqual(cyclic.system.layers.map((l) => l.value), ['top: app, server', 'bottom: shared']);
  });
});

describe('a Tauri desktop app: a Vue window over a Rust crate with an embedded Axum server', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-tauri-', {
    'packages/agent/package.json': JSON.stringify({ name: 'agent-ui', private: true, scripts: { dev: 'vite', tauri: 'tauri' }, dependencies: { vue: '^3.4.0', '@tauri-apps/api': '^2.0.0' } }),
    'packages/agent/src/main.ts': 'import { createApp } from "vue";\nimport { invoke } from "@tauri-apps/api/core";\ncreateApp({}).mount("#app");\nvoid invoke;\n',
    'packages/agent/src/App.vue': '<template><div>agent</div></template>\n',
    'packages/agent/src-tauri/Cargo.toml': '[package]\nname = "agent"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ntauri = "2"\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\n',
    'packages/agent/src-tauri/src/main.rs': 'use axum::Router;\n\nfn main() {\n    let _app: Router = Router::new();\n    tauri::Builder::default().run(tauri::generate_context!()).unwrap();\n}\n',
    'packages/agent/src-tauri/src/server.rs': 'pub fn start() {}\n'.repeat(40),
  }, (m) => (model = m));

  it('runs as a desktop app, in TypeScript for its window, and its crate is no network service', () => {
    assert.equal(model.containers.find((c) => c.path === 'packages/agent')?.language, 'TypeScript');
    assert.equal(kindOf(model, 'packages/agent/src-tauri'), 'application');
    const flow = render(model).split('section="data-flow"')[1] ?? '';
    assert.match(flow, /\*\*agent-ui\*\* as a desktop app/);
    assert.doesNotMatch(flow, /in the browser|runs as a service/);
  });
});

describe('a README whose heading is a tagline and whose first paragraph names the project', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-tagline-', {
    'README.md': '<p align="center"><img src="logo.svg"></p>\n\n# Document your life\n\nMonica is a great open source personal relationship management system.\n',
    'composer.json': JSON.stringify({ name: 'monicahq/monica', type: 'project', require: { 'laravel/framework': '^11.0' } }),
    'routes/web.php': "<?php\nRoute::get('/', fn () => view('welcome'));\n",
  }, (m) => (model = m));

  it('names the project as its manifest and its README paragraph do', () => {
    assert.equal(model.system.name.value, 'monica');
  });
});

describe('a Docker-shipped app with a Heroku deploy button', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-deploy-button-', {
    'package.json': JSON.stringify({ name: 'wiki', private: true, scripts: { start: 'node server.js' }, dependencies: { koa: '^2.15.0' } }),
    'server.js': 'import Koa from "koa";\nnew Koa().listen(3000);\n',
    'app.json': JSON.stringify({ name: 'Wiki', repository: 'https://github.com/acme/wiki', addons: ['heroku-postgresql'], env: { SECRET_KEY: { generator: 'secret' } } }),
  }, (m) => (model = m));

  it('offers Heroku; it does not say the project runs there', () => {
    const conclusion = render(model).split('section="conclusion"')[1] ?? '';
    assert.match(conclusion, /It has a deploy button for Heroku\./);
    assert.doesNotMatch(conclusion, /deployed on Heroku/);
    assert.deepEqual(model.deployment.managedServices, [], 'the add-ons are set up for whoever presses the button');
  });
});

describe('a Redis-protocol server in Rust, published on its port', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-tcp-', {
    'Cargo.toml': '[package]\nname = "mini-store"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ntokio = { version = "1", features = ["full"] }\nbytes = "1"\n',
    'src/main.rs': 'use tokio::net::TcpListener;\n\n#[tokio::main]\nasync fn main() {\n    let _listener = TcpListener::bind("0.0.0.0:6379").await.unwrap();\n}\n',
    Dockerfile: 'FROM rust:1.80 AS build\nCOPY . .\nRUN cargo build --release\nFROM debian:bookworm-slim\nCOPY --from=build /target/release/mini-store /usr/local/bin/\nEXPOSE 6379\nCMD ["mini-store"]\n',
  }, (m) => (model = m));

  it('is reached over the network on its port, not over HTTP', () => {
    const flow = render(model).split('section="data-flow"')[1] ?? '';
    assert.match(flow, /over the network \(it listens on port 6379\)/);
    assert.doesNotMatch(flow, /over HTTP/);
  });
});

describe('a workspace root with an all-in-one image, and an API below it that holds the database driver', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-root-evidence-', {
    'package.json': JSON.stringify({ name: 'plane', private: true, workspaces: ['apps/*'], scripts: { start: 'turbo run start' } }),
    'Dockerfile': 'FROM node:20\nCOPY supervisor.conf /etc/supervisor.conf\nCOPY . /app\nEXPOSE 80\nCMD ["supervisord"]\n',
    'supervisor.conf': '[program:api]\ncommand=python manage.py runserver\n',
    'tools.ts': 'export const a = 1;\n',
    'env.ts': 'export const b = 1;\n',
    'turbo.ts': 'export const c = 1;\n',
    'deployments/compose.yml': 'services:\n  backend:\n    image: acme/plane-backend\n    environment:\n      DATABASE_URL: postgresql://plane:plane@plane-db/plane\n',
    'apps/api/requirements.txt': 'django==5.0\npsycopg==3.1\n',
    'apps/api/manage.py': 'import django\n',
    'apps/api/plane/settings.py': 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}\n',
    'apps/api/Dockerfile': 'FROM python:3.12\nCOPY . .\nEXPOSE 8000\nCMD ["gunicorn", "plane.wsgi"]\n',
    'docker-compose.yml': 'services:\n  api:\n    build: apps/api\n    depends_on: [plane-db]\n  plane-db:\n    image: postgres:16\n',
  }, (m) => (model = m));

  it('draws the database from the API, not from the root as well', () => {
    const root = model.containers.find((c) => c.path === '');
    const db = model.containers.find((c) => c.name === 'plane-db');
    assert.ok(db);
    assert.ok(!model.relationships.some((r) => r.from === root?.id && r.to === db!.id), JSON.stringify(model.relationships.filter((r) => r.to === db!.id).map((r) => r.from)));
    assert.doesNotMatch(model.observations.map((o) => o.value).join('\n'), /plane-db is shared/);
  });
});

describe('a Rails app whose only import edge is from its boot configuration', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-rails-layers-', {
    'Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\n",
    'config/application.rb': "require_relative '../lib/pdf'\nmodule Docs\n  class Application < Rails::Application\n  end\nend\n",
    'lib/pdf.rb': "module Pdf\nend\n",
    'app/models/doc.rb': "class Doc < ApplicationRecord\nend\n",
  }, (m) => (model = m));

  it('shows no layer made of the framework boot folder', () => {
    assert.ok(!model.system.layers.some((l) => /config/.test(l.value)), JSON.stringify(model.system.layers));
  });
});

describe('a Go service that chooses its SQL database and uses Redis for locks', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-kv-beside-sql-', {
    'go.mod': 'module example.com/auth\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-sql-driver/mysql v1.8.1\n\tgithub.com/jackc/pgx/v5 v5.6.0\n\tgithub.com/redis/go-redis/v9 v9.6.0\n)\n',
    'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t_ "github.com/go-sql-driver/mysql"\n\t_ "github.com/jackc/pgx/v5"\n\t"github.com/redis/go-redis/v9"\n)\n\nfunc main() {\n\t_ = redis.NewClient(nil)\n\thttp.ListenAndServe(":8000", nil)\n}\n',
    Dockerfile: 'FROM golang:1.22\nCOPY . .\nEXPOSE 8000\nCMD ["go", "run", "."]\n',
  }, (m) => (model = m));

  it('keeps its data in the SQL database it is configured for and uses Redis beside it', () => {
    const conclusion = render(model).split('section="conclusion"')[1] ?? '';
    assert.match(conclusion, /It can keep its data in MySQL and PostgreSQL; which of them holds it is a matter of configuration\. It also uses Redis\./);
    assert.doesNotMatch(conclusion, /keeps its data in Redis/);
  });
});

describe('workspace packages: a hooks library, a decorators package with Express types, and the app that uses them', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-workspace-libs-', {
    'package.json': JSON.stringify({ name: 'tracker', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'packages/hooks/package.json': JSON.stringify({ name: '@tracker/hooks', private: true, main: './dist/index.js', types: './dist/index.d.ts', exports: { '.': './dist/index.js' }, scripts: { build: 'tsdown' }, dependencies: { react: '^18.3.0' } }),
    'packages/hooks/src/index.ts': 'import { useState } from "react";\nexport const useToggle = () => useState(false);\n',
    'packages/decorators/package.json': JSON.stringify({ name: '@tracker/decorators', private: true, main: './dist/index.mjs', types: './dist/index.d.mts', exports: { '.': './dist/index.mjs' }, devDependencies: { '@types/express': '4.17.23' } }),
    'packages/decorators/src/index.ts': 'import type { Request, Response } from "express";\nexport function Get(path: string) {\n  return (_t: unknown, _k: string) => void [path as unknown as Request, {} as Response];\n}\n',
    'apps/web/package.json': JSON.stringify({ name: 'web', private: true, scripts: { dev: 'vite', build: 'vite build' }, dependencies: { react: '^18.3.0', 'react-dom': '^18.3.0', '@tracker/hooks': 'workspace:*' } }),
    'apps/web/index.html': '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>\n',
    'apps/web/src/main.tsx': 'import { createRoot } from "react-dom/client";\nimport { useToggle } from "@tracker/hooks";\ncreateRoot(document.body).render(<div>{String(useToggle)}</div>);\n',
  }, (m) => (model = m));

  it('calls the packages libraries and the app with a page a frontend', () => {
    assert.equal(kindOf(model, 'packages/hooks'), 'library');
    assert.equal(kindOf(model, 'packages/decorators'), 'library');
    assert.equal(kindOf(model, 'apps/web'), 'frontend');
  });

  it('does not count a type-only import as running the package', () => {
    const express = model.technologies.find((t) => t.id === 'express');
    assert.ok(!express || express.scope !== 'runtime', JSON.stringify(express));
  });
});

describe("a Go server whose example deployments run its own published image", () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-own-image-', {
    'go.mod': 'module github.com/tunes/tunes\n\ngo 1.23\n\nrequire github.com/go-chi/chi/v5 v5.1.0\n',
    'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/go-chi/chi/v5"\n)\n\nfunc main() {\n\tr := chi.NewRouter()\n\tr.Get("/ping", func(w http.ResponseWriter, _ *http.Request) {})\n\thttp.ListenAndServe(":4533", r)\n}\n',
    'contrib/docker-compose/docker-compose-caddy.yml': 'services:\n  tunes:\n    image: deluan/tunes:latest\n    ports: ["4533:4533"]\n',
    'contrib/k8s/manifest.yml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tunes-deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: tunes\n          image: ghcr.io/tunes/tunes:0.49.3\n',
  }, (m) => (model = m));

  it('runs the project itself, not an outside service of the same name', () => {
    const outside = model.containers.filter((c) => c.path === undefined && c.role === 'main');
    assert.deepEqual(outside.map((c) => c.name), []);
  });
});

describe('an Aspire AppHost that runs the web project and builds against ServiceDefaults', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-aspire-', {
    'src/Clean.AspireHost/Clean.AspireHost.csproj': [
      '<Project Sdk="Microsoft.NET.Sdk">',
      '  <Sdk Name="Aspire.AppHost.Sdk" Version="9.0.0" />',
      '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net9.0</TargetFramework></PropertyGroup>',
      '  <ItemGroup><PackageReference Include="Aspire.Hosting.AppHost" Version="9.0.0" /></ItemGroup>',
      '  <ItemGroup>',
      '    <ProjectReference Include="..\\Clean.Web\\Clean.Web.csproj" />',
      '    <ProjectReference Include="..\\Clean.ServiceDefaults\\Clean.ServiceDefaults.csproj" IsAspireProjectResource="false" />',
      '  </ItemGroup>',
      '</Project>',
      '',
    ].join('\n'),
    'src/Clean.AspireHost/AppHost.cs': 'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddProject<Projects.Clean_Web>("web");\nbuilder.Build().Run();\n',
    'src/Clean.Web/Clean.Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup>\n</Project>\n',
    'src/Clean.Web/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/contributors", () => "[]");\napp.Run();\n',
    'src/Clean.ServiceDefaults/Clean.ServiceDefaults.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net9.0</TargetFramework><IsAspireSharedProject>true</IsAspireSharedProject></PropertyGroup>\n  <ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>\n</Project>\n',
    'src/Clean.ServiceDefaults/Extensions.cs': 'namespace Microsoft.Extensions.Hosting;\npublic static class Extensions { }\n',
  }, (m) => (model = m));

  it('runs the web project and treats ServiceDefaults as a library it builds against', () => {
    assert.equal(kindOf(model, 'src/Clean.Web'), 'service');
    assert.equal(kindOf(model, 'src/Clean.ServiceDefaults'), 'library');
    const host = model.containers.find((c) => c.path === 'src/Clean.AspireHost');
    const defaults = model.containers.find((c) => c.path === 'src/Clean.ServiceDefaults');
    assert.ok(!model.relationships.some((r) => r.from === host?.id && r.to === defaults?.id && r.technology === 'runs'));
  });
});

describe('Maven modules: an admin service whose web starter comes through a shared module, and Guava in two scopes', () => {
  let model: ArchitectureModel;
  const pom = (artifact: string, deps: string) => `<project><groupId>com.ctrip</groupId><artifactId>${artifact}</artifactId><dependencies>${deps}</dependencies></project>\n`;
  const dep = (g: string, a: string, scope = '') => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId>${scope ? `<scope>${scope}</scope>` : ''}</dependency>`;
  analyzed('archmd-kinds-jvm-admin-', {
    'pom.xml': '<project><groupId>com.ctrip</groupId><artifactId>apollo</artifactId><packaging>pom</packaging><modules><module>apollo-common</module><module>apollo-adminservice</module><module>apollo-build</module></modules></project>\n',
    'apollo-common/pom.xml': pom('apollo-common', dep('org.springframework.boot', 'spring-boot-starter-web') + dep('com.google.guava', 'guava')),
    'apollo-common/src/main/java/com/ctrip/common/Util.java': 'package com.ctrip.common;\n\npublic class Util {}\n',
    'apollo-adminservice/pom.xml': pom('apollo-adminservice', dep('com.ctrip', 'apollo-common')),
    'apollo-adminservice/src/main/java/com/ctrip/admin/AdminServiceApplication.java': 'package com.ctrip.admin;\n\nimport org.springframework.boot.SpringApplication;\n\npublic class AdminServiceApplication {\n  public static void main(String[] args) {\n    SpringApplication.run(AdminServiceApplication.class, args);\n  }\n}\n',
    'apollo-adminservice/src/main/java/com/ctrip/admin/AppController.java': 'package com.ctrip.admin;\n\nimport org.springframework.web.bind.annotation.GetMapping;\nimport org.springframework.web.bind.annotation.RestController;\n\n@RestController\npublic class AppController {\n  @GetMapping("/apps")\n  public String apps() { return "[]"; }\n}\n',
    'apollo-build/pom.xml': pom('apollo-build', dep('com.google.guava', 'guava', 'test')),
    'apollo-build/src/main/java/com/ctrip/build/Convert.java': 'package com.ctrip.build;\n\npublic class Convert {}\n',
  }, (m) => (model = m));

  it('is a service', () => {
    assert.equal(kindOf(model, 'apollo-adminservice'), 'service');
  });

  it('cites the runtime Guava, not the test-scoped one', () => {
    const stack = render(model).split('section="technology-stack"')[1] ?? '';
    assert.match(stack, /Guava \(`apollo-common\/pom\.xml`\)/);
  });
});

describe('a Flask app with a React client beside it and query runners for many databases', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-connectors-', {
    'pyproject.toml': '[project]\nname = "dash"\ndescription = "Connect to any data source and share dashboards."\ndependencies = ["flask>=3", "psycopg2-binary>=2.9", "oracledb>=2"]\n',
    'package.json': JSON.stringify({ name: 'dash-client', description: 'The frontend part of Dash.', private: true, dependencies: { react: '^18.3.0' } }),
    'dash/app.py': 'from flask import Flask\nimport psycopg2\n\napp = Flask(__name__)\nconn = psycopg2.connect("")\n',
    'dash/query_runner/oracle.py': 'try:\n    import oracledb\n\n    enabled = True\nexcept ImportError:\n    enabled = False\n',
    'client/app/index.jsx': 'import React from "react";\nexport const App = () => <div />;\n',
    Dockerfile: 'FROM python:3.13\nCOPY . /app\nEXPOSE 5000\nCMD ["gunicorn", "dash.app:app"]\n',
  }, (m) => (model = m));

  it('is named and described by its Python manifest', () => {
    assert.equal(model.system.name.value, 'dash');
    assert.match(model.containers.find((c) => c.path === '')?.description?.value ?? '', /Connect to any data source/);
  });

  it('keeps its data in PostgreSQL, not in the databases its connectors query', () => {
    const conclusion = render(model).split('section="conclusion"')[1] ?? '';
    assert.doesNotMatch(conclusion, /Oracle/);
    assert.match(conclusion, /keeps its data in PostgreSQL/);
  });
});

describe('a compose file whose database image is a required variable set in .env.docker', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-env-docker-', {
    '.env.docker': '# copy to .env\nDB_VERSION="11.2"\nDOCKER_DB_IMAGE="mariadb:${DB_VERSION}"\nDB_PASSWORD="secret"\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports: ["8080:80"]\n    depends_on: [db]\n  db:\n    image: ${DOCKER_DB_IMAGE:?error}\n',
    'composer.json': JSON.stringify({ name: 'acme/photos', type: 'project', require: { 'laravel/framework': '^11.0' } }),
    'routes/web.php': "<?php\nRoute::get('/', fn () => view('home'));\n",
    Dockerfile: 'FROM php:8.3-apache\nCOPY . /var/www/html\nEXPOSE 80\n',
  }, (m) => (model = m));

  it('reads the database image from the template the README copies to .env', () => {
    assert.equal(model.containers.find((c) => c.name === 'db')?.kind, 'datastore');
    assert.match(render(model).split('section="conclusion"')[1] ?? '', /keeps its data in db/);
  });
});

describe('a Strapi backend with a React admin extension, a Next.js client, a Gitpod image and an .nvmrc', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-cms-', {
    '.gitpod.Dockerfile': 'FROM gitpod/workspace-full\nRUN bash -c ". .nvm/nvm.sh && nvm install 16"\n',
    '.nvmrc': '20\n',
    'api/package.json': JSON.stringify({ name: 'foodadvisor-api', scripts: { start: 'strapi start', develop: 'strapi develop' }, dependencies: { '@strapi/strapi': '4.15.0', react: '^18.2.0', 'better-sqlite3': '^9.0.0' } }),
    'api/src/index.js': 'module.exports = { register() {} };\n',
    'api/src/admin/extensions/PreviewButton/index.js': 'import React from "react";\nexport default () => React.createElement("button");\n',
    'client/package.json': JSON.stringify({ name: 'foodadvisor-client', private: true, scripts: { dev: 'next dev', start: 'next start' }, dependencies: { next: '^14.0.0', react: '^18.2.0' } }),
    'client/pages/index.js': 'export default function Home() { return null; }\n',
    'compose-e2e-test.yml': 'services:\n  host-site:\n    image: nginx:1.29-alpine\n    volumes: ["./e2e/hostsite:/usr/share/nginx/html"]\n',
    'backend/_example/memory_store/main.go': 'package main\n\nfunc main() {}\n',
    'backend/_example/memory_store/go.mod': 'module example.com/memstore\n\ngo 1.22\n',
  }, (m) => (model = m));

  it('calls the Strapi project a service and runs nothing in the Gitpod image', () => {
    assert.equal(kindOf(model, 'api'), 'service');
    assert.ok(!model.containers.some((c) => c.path === '' && c.role === 'main'), 'the workspace image is no part');
    assert.ok(!model.deployment.runtime.some((f) => f.value === 'Docker'));
  });

  it('keeps the e2e compose file and the _example folder out of the system', () => {
    assert.ok(!model.containers.some((c) => c.name === 'host-site' && c.role === 'main'));
    assert.notEqual(model.containers.find((c) => c.path === 'backend/_example/memory_store')?.role ?? 'example', 'main');
  });

  it('does not take an .nvmrc for a Node.js server', () => {
    const node = model.technologies.find((t) => t.id === 'nodejs');
    assert.deepEqual(node?.evidence.map((e) => e.file), ['.nvmrc']);
    assert.notEqual(node?.scope, 'runtime');
  });
});

describe('a SAM app with a function behind API routes and one on a queue', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-sam-layers-', {
    'template.yaml': [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  GetCartFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: cart/',
      '      Handler: app.handler',
      '      Runtime: python3.12',
      '      Events:',
      '        Api:',
      '          Type: Api',
      '          Properties:',
      '            Path: /cart',
      '            Method: get',
      '  DeleteFromCartFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: cleanup/',
      '      Handler: app.handler',
      '      Runtime: python3.12',
      '      Events:',
      '        Queue:',
      '          Type: SQS',
      '          Properties:',
      '            Queue: !GetAtt CartDeleteQueue.Arn',
      '  CartDeleteQueue:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\n'),
    'cart/app.py': 'def handler(event, context):\n    return {"statusCode": 200}\n',
    'cart/requirements.txt': 'boto3\n',
    'cleanup/app.py': 'def handler(event, context):\n    return None\n',
    'cleanup/requirements.txt': 'boto3\n',
  }, (m) => (model = m));

  it('puts the function that answers requests among the services, the queue consumer in the background', () => {
    const layers = model.system.layers.map((l) => `${l.value}: ${l.evidence.map((e) => e.file).join(',')}`);
    assert.ok(layers.some((l) => l.startsWith('Services:') && l.includes('cart/')), layers.join('\n'));
    assert.ok(layers.some((l) => l.startsWith('Background processing:') && l.includes('cleanup/') && !l.includes('cart/')), layers.join('\n'));
  });
});

describe('a SAM app whose only SNS topic receives its alarms', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-alarm-topic-', {
    'template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: fn/\n      Handler: app.handler\n      Runtime: python3.12\n  AlarmTopic:\n    Type: AWS::SNS::Topic\n  ErrorsAlarm:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      AlarmActions: [!Ref AlarmTopic]\n',
    'fn/app.py': 'def handler(event, context):\n    return None\n',
  }, (m) => (model = m));

  it('names no message queue', () => {
    assert.ok(!model.technologies.some((t) => t.id === 'amazon-sns'), model.technologies.map((t) => t.id).join());
    assert.doesNotMatch(render(model), /Message queue \(Amazon SNS\)/);
  });
});

describe('a Go module whose program is app/main.go, beside a generator in gen/', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-go-app-', {
    'backend/go.mod': 'module github.com/acme/comments/backend\n\ngo 1.23\n',
    'backend/app/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/acme/comments/backend/app/rest"\n)\n\nfunc main() {\n\thttp.ListenAndServe(":8080", rest.Routes())\n}\n',
    'backend/app/rest/rest.go': 'package rest\n\nimport "net/http"\n\nfunc Routes() *http.ServeMux {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc("/api/v1/comments", func(w http.ResponseWriter, r *http.Request) {})\n\treturn mux\n}\n',
    'lib/go.mod': 'module github.com/acme/colors\n\ngo 1.23\n',
    'lib/colors.go': 'package colors\n\nfunc Parse(s string) int { return 0 }\n',
    'lib/gen/main.go': 'package main\n\nfunc main() {}\n',
  }, (m) => (model = m));

  it('calls the program a service and the module with a generator a library', () => {
    assert.equal(kindOf(model, 'backend'), 'service');
    assert.equal(kindOf(model, 'lib'), 'library');
  });
});

describe('a Go blog on GORM v1 with a badge for a description', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-gorm-v1-', {
    'README.md': '# Blog\n\nA blog API written with Gin, keeping its posts in MySQL.\n',
    'go.mod': 'module github.com/acme/blog\n\ngo 1.20\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgithub.com/jinzhu/gorm v1.9.16\n)\n',
    'main.go': 'package main\n\nimport (\n\t"github.com/gin-gonic/gin"\n\t"github.com/jinzhu/gorm"\n\t_ "github.com/jinzhu/gorm/dialects/mysql"\n)\n\nfunc main() {\n\tdb, _ := gorm.Open("mysql", "")\n\t_ = db\n\tr := gin.New()\n\tr.GET("/posts", func(c *gin.Context) {})\n\tr.Run(":8000")\n}\n',
    'web/package.json': JSON.stringify({ name: 'blog-web', description: '[![Build Status](https://travis-ci.org/acme/other.svg?branch=master)](https://travis-ci.org/acme/other)', private: true, scripts: { dev: 'vite' }, dependencies: { react: '^18.2.0' } }),
    'web/index.html': '<!doctype html><div id="root"></div>\n',
    'web/src/main.jsx': 'import React from "react";\nexport default () => <div />;\n',
  }, (m) => (model = m));

  it('reads MySQL from the GORM v1 dialect the code imports', () => {
    assert.equal(model.technologies.find((t) => t.id === 'mysql')?.scope, 'runtime');
  });

  it('takes no badge for a description', () => {
    assert.doesNotMatch(model.containers.find((c) => c.path === 'web')?.description?.value ?? '', /Build Status/);
  });
});

describe('two compose projects that each run their own "db"', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-compose-projects-', {
    'backend/package.json': JSON.stringify({ name: 'backend', private: true, scripts: { start: 'node index.js' }, dependencies: { express: '^4.19.0', pg: '^8.11.0' } }),
    'backend/index.js': 'import express from "express";\nimport pg from "pg";\nexpress().listen(4000);\nvoid pg;\n',
    'backend/Dockerfile': 'FROM node:20\nCOPY . .\nEXPOSE 4000\nCMD ["node", "index.js"]\n',
    'backend/docker-compose.yml': 'services:\n  backend:\n    build: .\n    depends_on: [db]\n  db:\n    image: postgres:12\n',
    'backend-go/go.mod': 'module backend\n\ngo 1.21\n\nrequire github.com/jackc/pgx/v5 v5.6.0\n',
    'backend-go/cmd/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t_ "github.com/jackc/pgx/v5"\n)\n\nfunc main() {\n\thttp.HandleFunc("/graphql", nil)\n\thttp.ListenAndServe(":4000", nil)\n}\n',
    'backend-go/Dockerfile': 'FROM golang:1.21 AS app\nCOPY . .\nEXPOSE 4000\nCMD ["go", "run", "./cmd"]\nFROM postgres:12 AS db\nCOPY scripts/db /docker-entrypoint-initdb.d\n',
    'backend-go/docker-compose.yml': 'services:\n  backend-go:\n    build:\n      context: .\n      target: app\n    depends_on: [db]\n  db:\n    build:\n      context: .\n      target: db\n',
  }, (m) => (model = m));

  it('joins each service to the db of its own project', () => {
    const node = model.containers.find((c) => c.path === 'backend');
    const go = model.containers.find((c) => c.path === 'backend-go');
    assert.ok(!model.relationships.some((r) => r.from === node?.id && r.to === go?.id), JSON.stringify(model.relationships.filter((r) => r.from === node?.id).map((r) => r.to)));
  });
});

describe('a minimal-API web project whose routes no reader sees, with OpenAPI', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-openapi-comm-', {
    'src/Web/Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup>\n  <ItemGroup><PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="9.0.0" /></ItemGroup>\n</Project>\n',
    'src/Web/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapOpenApi();\napp.MapEndpoints();\napp.Run();\n',
  }, (m) => (model = m));

  it('says it talks REST over HTTP rather than that no protocol was found', () => {
    assert.ok(model.system.communication.some((c) => c.value === 'REST over HTTP'), JSON.stringify(model.system.communication));
  });
});

describe('a Rails app whose Redis only carries Sidekiq jobs, beside a Node app that caches in Redis', () => {
  let rails: ArchitectureModel;
  let node: ArchitectureModel;
  analyzed('archmd-kinds-sidekiq-redis-', {
    Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'pg'\ngem 'sidekiq'\n",
    'config/routes.rb': "Rails.application.routes.draw do\n  resources :submissions\nend\n",
    'app/jobs/pdf_job.rb': 'class PdfJob\n  include Sidekiq::Job\n  def perform(id); end\nend\n',
    Dockerfile: 'FROM ruby:3.3\nCOPY . /app\nEXPOSE 3000\nCMD ["bin/rails", "server"]\n',
    'mailer/Gemfile': "source 'https://rubygems.org'\ngem 'sidekiq'\ngem 'mail'\n",
    'mailer/mailer.rb': 'class MailJob\n  include Sidekiq::Job\n  def perform(id); end\nend\n',
    'mailer/Dockerfile': 'FROM ruby:3.3\nCOPY . /app\nCMD ["sidekiq", "-r", "./mailer.rb"]\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports: ["3000:3000"]\n    depends_on: [postgres, redis]\n    environment:\n      REDIS_URL: redis://redis:6379/0\n      DATABASE_URL: postgres://postgres@postgres/app\n  mailer:\n    build: ./mailer\n    depends_on: [redis]\n  postgres:\n    image: postgres:16\n  redis:\n    image: redis:7\n',
  }, (m) => (rails = m));
  analyzed('archmd-kinds-cache-redis-', {
    'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node index.js' }, dependencies: { express: '^4.19.0', ioredis: '^5.4.0' } }),
    'index.js': 'import express from "express";\nimport Redis from "ioredis";\nconst cache = new Redis(process.env.REDIS_URL);\nexpress().listen(3000);\nvoid cache;\n',
    Dockerfile: 'FROM node:20\nCOPY . .\nEXPOSE 3000\nCMD ["node", "index.js"]\n',
    'docker-compose.yml': 'services:\n  api:\n    build: .\n    depends_on: [redis]\n    environment:\n      REDIS_URL: redis://redis:6379\n  redis:\n    image: redis:7\n',
  }, (m) => (node = m));

  it('calls the Sidekiq Redis a message broker and keeps the data in PostgreSQL', () => {
    assert.equal(rails.containers.find((c) => c.name === 'redis')?.kind, 'broker');
    assert.ok(!rails.system.style.some((s) => s.value === 'Event-driven'), 'a job queue is no event-driven architecture');
    assert.match(render(rails).split('section="conclusion"')[1] ?? '', /It queues background jobs in redis\./);
    assert.doesNotMatch(render(rails).split('section="conclusion"')[1] ?? '', /keeps its data in[^.]*redis/);
  });

  it('leaves a Redis the code talks to itself a store', () => {
    assert.equal(node.containers.find((c) => c.name === 'redis')?.kind, 'datastore');
  });
});

describe('a Node app whose Redis carries its Bull queues and also its cache', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-bull-and-cache-redis-', {
    'package.json': JSON.stringify({ name: 'wiki', scripts: { start: 'node server/index.js' }, dependencies: { koa: '^2.15.0', bull: '^4.16.0', ioredis: '^5.4.0', pg: '^8.12.0' } }),
    'server/index.js': 'import Koa from "koa";\nimport Redis from "ioredis";\nimport Queue from "bull";\nexport const cache = new Redis(process.env.REDIS_URL);\nexport const emails = new Queue("emails", process.env.REDIS_URL);\nnew Koa().listen(3000);\n',
    Dockerfile: 'FROM node:20\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server/index.js"]\n',
    'docker-compose.yml': 'services:\n  wiki:\n    build: .\n    depends_on: [redis, postgres]\n    environment:\n      REDIS_URL: redis://redis:6379\n      DATABASE_URL: postgres://user@postgres/wiki\n  redis:\n    image: redis:7\n  postgres:\n    image: postgres:16\n',
  }, (m) => (model = m));

  it('calls Redis the job queue\'s broker and keeps the data in PostgreSQL', () => {
    assert.equal(model.containers.find((c) => c.name === 'redis')?.kind, 'broker');
    const conclusion = render(model).split('section="conclusion"')[1] ?? '';
    assert.match(conclusion, /It queues background jobs in redis\./);
    assert.match(conclusion, /keeps its data in postgres\./);
  });
});

describe('Laravel Sail: services built from vendor/ that mount the project and run it', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-sail-', {
    'composer.json': JSON.stringify({ name: 'monicahq/monica', type: 'project', require: { 'laravel/framework': '^11.0' } }),
    'routes/web.php': "<?php\nRoute::get('/', fn () => view('welcome'));\n",
    'docker-compose.yml': [
      'services:',
      '  laravel.test: &app',
      '    build:',
      '      context: ./vendor/laravel/sail/runtimes/8.4',
      '    image: sail-8.4/app',
      "    ports: ['${APP_PORT:-80}:80']",
      "    volumes: ['.:/var/www/html']",
      '    depends_on: [mariadb]',
      '  laravel.queue:',
      '    <<: *app',
      "    command: 'php artisan queue:work'",
      '  mariadb:',
      "    image: 'mariadb:10'",
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('is one application with its database, not three services beside it', () => {
    assert.deepEqual(model.containers.filter((c) => c.role === 'main').map((c) => `${c.name}:${c.kind}`).sort(), ['mariadb:datastore', 'monica:service']);
  });
});

describe('parts that share a name and a parent folder name', () => {
  let model: ArchitectureModel;
  const fn = (service: string) => ({
    [`${service}/src/table_update/main.py`]: 'def handler(event, context):\n    return None\n',
    [`${service}/src/table_update/requirements.txt`]: 'boto3\n',
  });
  analyzed('archmd-kinds-duplicate-names-', {
    ...fn('orders'),
    ...fn('products'),
    'nextjs-end/package.json': JSON.stringify({ name: 'my-app', private: true, scripts: { dev: 'next dev' }, dependencies: { next: '^14.0.0', react: '^18.2.0' } }),
    'nextjs-end/app/page.js': 'export default function Page() { return null; }\n',
    'nextjs-start/package.json': JSON.stringify({ name: 'my-app', private: true, scripts: { dev: 'next dev' }, dependencies: { next: '^14.0.0', react: '^18.2.0' } }),
    'nextjs-start/app/page.js': 'export default function Page() { return null; }\n',
  }, (m) => (model = m));

  it('tells them apart by as many folders as it takes', () => {
    const names = model.containers.filter((c) => c.path !== undefined).map((c) => c.name).sort();
    assert.equal(new Set(names).size, names.length, names.join(', '));
    assert.ok(names.includes('orders/src/table_update') && names.includes('my-app (nextjs-end)'), names.join(', '));
  });
});

describe('a service with more technologies than its paragraph lists', () => {
  let model: ArchitectureModel;
  const deps = { express: '^4.19.0', pg: '^8.11.0', ioredis: '^5.4.0', zod: '^3.23.0', pino: '^9.0.0', jsonwebtoken: '^9.0.0', axios: '^1.7.0', lodash: '^4.17.0', 'date-fns': '^3.6.0', stripe: '^16.0.0', nodemailer: '^6.9.0', bcrypt: '^5.1.0' };
  analyzed('archmd-kinds-many-techs-', {
    'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node index.js' }, dependencies: deps }),
    'index.js': `${Object.keys(deps).map((d, i) => `import m${i} from "${d}";`).join('\n')}\nm0().listen(3000);\n`,
  }, (m) => (model = m));

  it('says how many more there are', () => {
    const line = render(model).split('\n').find((l) => l.includes('**Technologies**:')) ?? '';
    assert.match(line, / and \d+ more$/);
  });
});

describe('a NestJS service that uses RxJS', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-rxjs-server-', {
    'package.json': JSON.stringify({ name: 'realworld', scripts: { start: 'nest start' }, dependencies: { '@nestjs/core': '^10.0.0', '@nestjs/common': '^10.0.0', rxjs: '^7.8.0' } }),
    'src/main.ts': 'import { NestFactory } from "@nestjs/core";\nimport { Observable } from "rxjs";\nvoid NestFactory;\nvoid Observable;\n',
  }, (m) => (model = m));

  it('keeps RxJS off the Frontend line', () => {
    const stack = render(model).split('section="technology-stack"')[1] ?? '';
    assert.doesNotMatch(stack, /\*\*Frontend\*\*:[^\n]*RxJS/);
    assert.match(stack, /RxJS/);
  });
});

describe('a Java library with a protobuf adapter', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-runtime-line-', {
    'pom.xml': '<project><groupId>com.google.code.gson</groupId><artifactId>gson-proto</artifactId><dependencies><dependency><groupId>com.google.protobuf</groupId><artifactId>protobuf-java</artifactId></dependency></dependencies></project>\n',
    'src/main/java/com/google/gson/protobuf/ProtoTypeAdapter.java': 'package com.google.gson.protobuf;\n\nimport com.google.protobuf.Message;\n\npublic class ProtoTypeAdapter { Message m; }\n',
  }, (m) => (model = m));

  it('has no backend; a serialisation library is one of its tools, not its runtime', () => {
    const stack = render(model).split('section="technology-stack"')[1] ?? '';
    assert.doesNotMatch(stack, /\*\*Backend\*\*/);
    assert.doesNotMatch(stack, /\*\*Runtime\*\*:[^\n]*Protocol Buffers/);
    assert.match(stack, /\*\*Other Tools\*\*:[^\n]*Protocol Buffers/);
  });
});

describe('a Python script project with a requirements.txt and a Ruby app with a Gemfile', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-dependency-lists-', {
    'README.md': '# feeds\n\nfeeds fetches RSS feeds every night and mails a digest.\n',
    'fetcher/requirements.txt': 'requests==2.32.3\nfeedparser==6.0.11\n',
    'fetcher/digest.py': 'import feedparser\nimport requests\n\n\ndef fetch(url):\n    return feedparser.parse(requests.get(url).text)\n\n\nif __name__ == "__main__":\n    fetch("https://example.com/rss")\n',
    'mailer/Gemfile': "source 'https://rubygems.org'\ngem 'mail'\n",
    'mailer/send.rb': "require 'mail'\nMail.deliver { to 'x@example.com' }\n",
    'pydigest/pyproject.toml': '[project]\nname = "pydigest"\nversion = "1.0.0"\ndependencies = ["jinja2"]\n',
    'pydigest/pydigest/__init__.py': 'import jinja2\n',
  }, (m) => (model = m));

  it('calls what only pins its dependencies an application, not a library', () => {
    assert.equal(kindOf(model, 'fetcher'), 'application');
    assert.equal(kindOf(model, 'mailer'), 'application');
  });

  it('keeps a package that declares itself a library', () => {
    assert.equal(kindOf(model, 'pydigest'), 'library');
  });
});

describe('a Django site whose own views render templates, beside a JSON endpoint', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-django-views-', {
    'requirements.txt': 'Django==5.1\n',
    'manage.py': 'import os\nimport sys\n\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n',
    'site/settings.py': 'INSTALLED_APPS = ["django.contrib.admin", "blog"]\nROOT_URLCONF = "site.urls"\n',
    'site/urls.py': 'from django.urls import include, path\n\nurlpatterns = [\n    path("", include("blog.urls")),\n]\n',
    'blog/urls.py': [
      'from django.urls import path',
      'from . import views',
      '',
      'urlpatterns = [',
      '    path("", views.index, name="index"),',
      '    path("post/<int:pk>/", views.PostDetail.as_view(), name="post"),',
      '    path("archive/", views.Archive.as_view(), name="archive"),',
      '    path("tags/", views.TagListView.as_view(), name="tags"),',
      '    path("feed.json", views.feed, name="feed"),',
      '    path("post/<int:pk>/remove/", views.remove, name="remove"),',
      '    path("stats/", views.stats, name="stats"),',
      ']',
      '',
    ].join('\n'),
    'blog/views.py': [
      'from django.http import JsonResponse',
      'from django.shortcuts import render',
      'from django.views.generic import DetailView',
      'from django.views import View',
      '',
      'from .models import Post',
      '',
      '',
      'def index(request):',
      '    posts = Post.objects.order_by("-created")[:10]',
      '    return render(request, "blog/index.html", {"posts": posts})',
      '',
      '',
      'class PostDetail(DetailView):',
      '    model = Post',
      '',
      '',
      'class Archive(View):',
      '    template_name = "blog/archive.html"',
      '',
      '',
      'class TagListView(generic.ObjectListView):',
      '    queryset = Post.objects.all()',
      '',
      '',
      'def feed(request):',
      '    return JsonResponse({"posts": [p.title for p in Post.objects.all()]})',
      '',
      '',
      'def remove(request, pk):',
      '    Post.objects.filter(pk=pk).delete()',
      '    return redirect("index")',
      '',
      '',
      '@api_view(["GET"])',
      'def stats(request):',
      '    return Response({"posts": Post.objects.count()})',
      '',
    ].join('\n'),
    'blog/models.py': 'from django.db import models\n\n\nclass Post(models.Model):\n    title = models.CharField(max_length=200)\n',
    'api/urls.py': 'from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path("v1/", views.index),\n    path("v1/available/", views.AvailableView.as_view()),\n]\n',
    'api/views.py': 'from django.http import JsonResponse\n\n\ndef index(request):\n    return JsonResponse({"version": 1})\n\n\nclass AvailableView(AvailableObjectsView):\n    queryset = None\n',
  }, (m) => (model = m));

  it('serves web pages through the views that render templates, and REST through the one that returns JSON', () => {
    const apis = model.containers.flatMap((c) => c.apis ?? []).filter((a) => a.role === 'serves');
    const styleOf = (name: string) => apis.find((a) => a.name === name)?.style;
    assert.equal(styleOf('/'), 'Web');
    assert.equal(styleOf('/post/<int:pk>/'), 'Web');
    assert.equal(styleOf('/archive/'), 'Web');
    assert.equal(styleOf('/tags/'), 'Web', "a view on the project's own base view renders HTML");
    assert.equal(styleOf('/feed.json'), 'REST');
    assert.equal(styleOf('/post/<int:pk>/remove/'), 'Web', "a form's redirect is the site's HTML flow");
    assert.equal(styleOf('/stats/'), 'REST', 'an @api_view answers with data');
    assert.equal(styleOf('/v1/'), 'REST', "the api app's own index answers with JSON; the blog's renders a page");
    assert.equal(styleOf('/v1/available/'), 'REST', "a class view in an api module answers with data");
    const index = apis.find((a) => a.name === '/')!;
    assert.ok(index.evidence.some((e) => e.file === 'blog/views.py' && e.line === 9), JSON.stringify(index.evidence));
  });
});

describe('a Go app whose own Vue frontend is marked linguist-vendored, beside a copied library', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-linguist-vendored-', {
    '.gitattributes': 'frontend/* linguist-vendored\nstatic/chart/* linguist-vendored\n',
    'go.mod': 'module github.com/acme/mailer\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.12.0\n',
    'main.go': 'package main\n\nimport "github.com/labstack/echo/v4"\n\nfunc main() {\n\te := echo.New()\n\te.GET("/api/lists", nil)\n\t_ = e.Start(":9000")\n}\n',
    'frontend/package.json': JSON.stringify({ name: 'mailer-frontend', private: true, scripts: { dev: 'vite', build: 'vite build' }, dependencies: { vue: '^2.7.16', 'vue-router': '^3.6.5' }, devDependencies: { vite: '^5.0.0' } }),
    'frontend/index.html': '<!doctype html><div id="app"></div><script type="module" src="/src/main.js"></script>\n',
    'frontend/src/main.js': 'import Vue from "vue";\nimport App from "./App.vue";\nnew Vue({ render: (h) => h(App) }).$mount("#app");\n',
    'frontend/src/App.vue': '<template><div>lists</div></template>\n',
    'static/chart/chart.js': 'import moment from "moment";\nexport const Chart = moment;\n',
  }, (m) => (model = m));

  it('keeps the marked folder that is a project of its own, and leaves out the copied library', () => {
    assert.equal(kindOf(model, 'frontend'), 'frontend');
    assert.ok(model.technologies.some((t) => t.id === 'vue'), JSON.stringify(model.technologies.map((t) => t.id)));
    assert.ok(!model.technologies.some((t) => t.id === 'moment'), 'the copied library is not scanned');
  });
});

describe('a compose image named like both the Go module and its frontend package', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-own-image-two-names-', {
    'go.mod': 'module github.com/acme/listkeeper\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.12.0\n',
    'main.go': 'package main\n\nimport "github.com/labstack/echo/v4"\n\nfunc main() {\n\te := echo.New()\n\t_ = e.Start(":9000")\n}\n',
    Dockerfile: 'FROM alpine:3.20\nCOPY listkeeper /listkeeper\nEXPOSE 9000\nCMD ["/listkeeper"]\n',
    'frontend/package.json': JSON.stringify({ name: 'listkeeper', private: true, scripts: { build: 'vite build' }, dependencies: { vue: '^3.4.0' } }),
    'frontend/index.html': '<div id="app"></div>\n',
    'frontend/src/main.js': 'import { createApp } from "vue";\ncreateApp({}).mount("#app");\n',
    'docker-compose.yml': 'services:\n  app:\n    image: acme/listkeeper:latest\n    ports: ["9000:9000"]\n    depends_on: [db]\n  db:\n    image: postgres:17-alpine\n',
  }, (m) => (model = m));

  it('runs the project its Dockerfile builds, not a third-party service', () => {
    assert.ok(!model.containers.some((c) => c.name === 'app'), JSON.stringify(model.containers.map((c) => [c.name, c.kind])));
    const root = model.containers.find((c) => c.path === '')!;
    assert.ok(root.evidence.some((e) => e.file === 'docker-compose.yml'), JSON.stringify(root.evidence));
  });
});

describe('a Next.js storefront styled with Tailwind installed as a dev dependency', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-tailwind-dev-', {
    'package.json': JSON.stringify({ name: 'storefront', private: true, scripts: { dev: 'next dev', build: 'next build' }, dependencies: { next: '^15.0.0', react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { tailwindcss: '^4.0.0', postcss: '^8.4.0' } }),
    'app/page.tsx': 'export default function Page() {\n  return <main className="p-4">Shop</main>;\n}\n',
    'app/globals.css': '@import "tailwindcss";\n',
  }, (m) => (model = m));

  it('lists Tailwind on the Frontend line', () => {
    const stack = render(model).split('section="technology-stack"')[1] ?? '';
    assert.match(stack, /\*\*Frontend\*\*:[^\n]*Tailwind CSS/);
  });
});

describe('a Go library described only by its root README', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-root-description-', {
    'README.md': '# commander\n\ncommander is a library for creating powerful modern CLI applications.\n',
    'go.mod': 'module github.com/acme/commander\n\ngo 1.22\n',
    'command.go': 'package commander\n\ntype Command struct{ Use string }\n',
  }, (m) => (model = m));

  it('does not say the root has no description in its README', () => {
    const doc = render(model);
    assert.match(doc, /\*\*Purpose\*\*: commander is a library/);
    assert.doesNotMatch(doc, /no description in its manifest or README/);
  });
});

describe('a workspace CLI package that exports its own command, beside a library with a separate command', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-exported-command-', {
    'package.json': JSON.stringify({ name: 'bookmarks', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'apps/cli/package.json': JSON.stringify({ name: '@bookmarks/cli', version: '1.0.0', description: 'Command Line Interface (CLI) for Bookmarks', type: 'module', exports: './dist/index.mjs', bin: { bookmarks: 'dist/index.mjs' }, dependencies: { commander: '^12.0.0' } }),
    'apps/cli/src/index.ts': 'import { Command } from "commander";\nnew Command("bookmarks").parse();\n',
    'packages/parser/package.json': JSON.stringify({ name: '@bookmarks/parser', version: '1.0.0', main: './dist/index.js', exports: './dist/index.js', bin: { 'parse-bookmarks': './dist/cli.js' } }),
    'packages/parser/src/index.ts': 'export function parse(text: string) {\n  return text.split("\\n");\n}\n',
    'packages/parser/src/cli.ts': 'import { parse } from "./index.js";\nconsole.log(parse(process.argv[2] ?? ""));\n',
  }, (m) => (model = m));

  it('calls the package whose only export is its command a command-line tool', () => {
    assert.equal(kindOf(model, 'apps/cli'), 'cli');
  });

  it('keeps the package that exports a library beside its command a library', () => {
    assert.equal(kindOf(model, 'packages/parser'), 'library');
  });
});

describe('a pnpm monorepo whose root package is named @scope/root and whose README title is a logo', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-root-package-name-', {
    'README.md': '# <img height="50px" src="./screenshots/logo.png" />\n\nKarakeep (previously Hoarder) is a self-hostable bookmark-everything app.\n',
    'package.json': JSON.stringify({ name: '@karakeep/root', private: true, scripts: { build: 'turbo build' }, devDependencies: { turbo: '^2.0.0' } }),
    'pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
    'apps/web/package.json': JSON.stringify({ name: '@karakeep/web', private: true, scripts: { dev: 'next dev' }, dependencies: { next: '^15.0.0', react: '^19.0.0' } }),
    'apps/web/next.config.mjs': 'export default {};\n',
    'apps/web/app/page.tsx': 'export default function Page() {\n  return <main>Bookmarks</main>;\n}\n',
  }, (m) => (model = m));

  it('is named by its scope as the README writes it, and described by the paragraph under the logo', () => {
    assert.equal(model.system.name.value, 'Karakeep');
    assert.match(model.system.purpose?.value ?? '', /^Karakeep \(previously Hoarder\) is a self-hostable/);
  });
});

describe('Spring services that share RabbitMQ only through Spring Cloud Bus', () => {
  let model: ArchitectureModel;
  const service = (name: string) => ({
    [`${name}/pom.xml`]: `<project><groupId>com.acme</groupId><artifactId>${name}</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.springframework.cloud</groupId><artifactId>spring-cloud-starter-bus-amqp</artifactId></dependency></dependencies></project>\n`,
    [`${name}/src/main/java/com/acme/${name}/Application.java`]: `package com.acme.${name};\n\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class Application {\n  public static void main(String[] args) {}\n}\n`,
    [`${name}/Dockerfile`]: `FROM eclipse-temurin:21\nCOPY target/${name}.jar /app.jar\nEXPOSE 8080\nCMD ["java", "-jar", "/app.jar"]\n`,
  });
  analyzed('archmd-kinds-cloud-bus-', {
    ...service('accounts'),
    ...service('statistics'),
    'docker-compose.yml': 'services:\n  rabbitmq:\n    image: rabbitmq:3-management\n  accounts:\n    build: accounts\n  statistics:\n    build: statistics\n',
  }, (m) => (model = m));

  it('is not called event-driven', () => {
    assert.ok(model.containers.some((c) => c.kind === 'broker'), JSON.stringify(model.containers.map((c) => [c.name, c.kind])));
    assert.ok(!model.system.style.some((s) => s.value === 'Event-driven'), model.system.style.map((s) => s.value).join());
  });
});

describe('a Hono app in a workspace package that the Next.js app mounts, beside an Express server that starts', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-mounted-server-', {
    'package.json': JSON.stringify({ name: 'keep', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'apps/web/package.json': JSON.stringify({ name: '@keep/web', private: true, scripts: { dev: 'next dev', start: 'next start' }, dependencies: { next: '^15.0.0', react: '^19.0.0', '@keep/api': 'workspace:*', '@keep/hooks': 'workspace:*' } }),
    'apps/web/next.config.mjs': 'export default {};\n',
    'apps/web/app/api/[[...route]]/route.ts': 'import { handle } from "hono/vercel";\nimport app from "@keep/api";\n\nexport const GET = handle(app);\nexport const POST = handle(app);\n',
    'apps/web/app/page.tsx': 'import { ping } from "@keep/hooks";\n\nexport default function Page() {\n  return <main>{ping()}</main>;\n}\n',
    'packages/api/package.json': JSON.stringify({ name: '@keep/api', private: true, main: 'index.ts', dependencies: { hono: '^4.0.0' } }),
    'packages/api/index.ts': 'import { Hono } from "hono";\n\nconst app = new Hono().basePath("/api");\napp.get("/bookmarks", (c) => c.json([]));\n\nexport default app;\n',
    'packages/hooks/package.json': JSON.stringify({ name: '@keep/hooks', private: true, main: 'index.ts', scripts: { start: 'node server.js' }, dependencies: { express: '^4.19.0' } }),
    'packages/hooks/index.ts': 'export const ping = () => "pong";\n',
    'packages/hooks/server.js': 'const express = require("express");\nexpress().listen(4000);\n',
  }, (m) => (model = m));

  it('is a library of the app that mounts it', () => {
    assert.equal(kindOf(model, 'packages/api'), 'library');
  });

  it('keeps a package that starts its own server a service', () => {
    assert.equal(kindOf(model, 'packages/hooks'), 'service');
  });
});

describe('a Kotlin Multiplatform library with an Android target', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-android-library-', {
    'settings.gradle.kts': 'rootProject.name = "okclient"\ninclude(":okclient")\n',
    'okclient/build.gradle.kts': 'plugins {\n  kotlin("multiplatform")\n  id("com.android.library")\n}\n\nkotlin {\n  jvm()\n  androidTarget()\n}\n',
    'okclient/src/androidMain/AndroidManifest.xml': '<manifest xmlns:android="http://schemas.android.com/apk/res/android" />\n',
    'okclient/src/androidMain/kotlin/okclient/Platform.kt': 'package okclient\n\nactual object Platform { actual val name = "android" }\n',
    'okclient/src/jvmMain/kotlin/okclient/Client.kt': 'package okclient\n\nclass Client {\n  fun call(url: String): String = url\n}\n',
    'okclient/src/commonMain/kotlin/okclient/Platform.kt': 'package okclient\n\nexpect object Platform { val name: String }\n',
  }, (m) => (model = m));

  it('lists Android as the platform the library targets, not as a frontend', () => {
    assert.equal(kindOf(model, 'okclient'), 'library');
    const stack = render(model).split('section="technology-stack"')[1] ?? '';
    assert.doesNotMatch(stack, /\*\*Frontend\*\*:[^\n]*Android/);
    assert.match(stack, /\*\*Runtime\*\*:[^\n]*Android/);
  });
});

describe('a self-hosting installer written mostly in shell, with a few Python tests helpers', () => {
  let model: ArchitectureModel;
  const script = (n: number) => `#!/usr/bin/env bash\nset -euo pipefail\n${'echo "step ' + n + ': pulling images and running migrations"\n'.repeat(40)}`;
  analyzed('archmd-kinds-shell-installer-', {
    'README.md': '# self-hosted\n\nOfficial bootstrap for running the service on your own machine.\n',
    'install.sh': script(0),
    ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`install/step-${i}.sh`, script(i + 1)])),
    'scripts/_lib.py': 'import os\n\n\ndef env(name):\n    return os.environ[name]\n',
  }, (m) => (model = m));

  it('says the code is mostly shell, not all Python', () => {
    const shell = model.languages.find((l) => l.name === 'Shell');
    const python = model.languages.find((l) => l.name === 'Python');
    assert.ok(shell && shell.share > 0.5, JSON.stringify(model.languages));
    assert.ok(!python || python.share < 0.5, JSON.stringify(model.languages));
  });
});

describe('an Expo app whose package.json main is expo-router/entry', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-expo-app-', {
    'mobile/package.json': JSON.stringify({ name: 'mobile', main: 'expo-router/entry', version: '1.0.0', dependencies: { expo: '~52.0.0', 'expo-router': '~4.0.0', react: '18.3.1', 'react-native': '0.76.0' } }),
    'mobile/app.json': JSON.stringify({ expo: { name: 'Onyx', slug: 'mobile' } }),
    'mobile/metro.config.js': 'const { getDefaultConfig } = require("expo/metro-config");\nmodule.exports = getDefaultConfig(__dirname);\n',
    'mobile/src/app/index.tsx': 'import { Text } from "react-native";\n\nexport default function Home() {\n  return <Text>Chats</Text>;\n}\n',
  }, (m) => (model = m));

  it('is a mobile app, not a library', () => {
    assert.equal(kindOf(model, 'mobile'), 'frontend');
  });
});

describe('a Terraform module others call, beside a root configuration that deploys it', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-terraform-module-', {
    'README.md': '# terraform-aws-queue\n\nTerraform module which creates an SQS queue with a dead-letter queue.\n',
    'main.tf': 'resource "aws_sqs_queue" "this" {\n  name = var.name\n}\n',
    'variables.tf': 'variable "name" {\n  type = string\n}\n',
    'outputs.tf': 'output "arn" {\n  value = aws_sqs_queue.this.arn\n}\n',
    'versions.tf': 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n',
    'live/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "queue" {\n  source = "../"\n  name   = "orders"\n}\n',
    'live/variables.tf': 'variable "env" {\n  type = string\n}\n',
  }, (m) => (model = m));

  it('is a library', () => {
    assert.equal(kindOf(model, ''), 'library');
  });
});

describe('one image that compose runs as a web server and a dozen consumers', () => {
  let model: ArchitectureModel;
  const consumers = ['events', 'attachments', 'transactions', 'metrics'];
  analyzed('archmd-kinds-one-image-many-services-', {
    'sentry/Dockerfile': 'FROM getsentry/sentry:nightly\nCOPY . /usr/src/sentry\n',
    'sentry/entrypoint.sh': '#!/bin/bash\nexec sentry "$@"\n',
    'sentry/sentry.conf.py': 'SENTRY_OPTIONS = {}\n',
    'docker-compose.yml': [
      'x-sentry-defaults: &sentry_defaults',
      '  build:',
      '    context: ./sentry',
      'services:',
      '  web:',
      '    <<: *sentry_defaults',
      '    command: ["run", "web"]',
      ...consumers.flatMap((c) => [`  ${c}-consumer:`, '    <<: *sentry_defaults', `    command: ["run", "consumer", "${c}"]`]),
      '  nginx:',
      '    image: nginx:1.27',
      '    ports: ["9000:80"]',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('is named by its folder and serves, not a worker named after one consumer', () => {
    const part = model.containers.find((c) => c.path === 'sentry');
    assert.equal(part?.name, 'sentry', JSON.stringify(model.containers.map((c) => [c.path, c.name, c.kind])));
    assert.equal(part?.kind, 'service');
  });
});

describe('a Go server whose web UI is written in Elm', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-elm-ui-', {
    'go.mod': 'module github.com/acme/alerts\n\ngo 1.22\n',
    'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/api/v2/alerts", nil)\n\t_ = http.ListenAndServe(":9093", nil)\n}\n',
    'ui/app/package.json': JSON.stringify({ name: 'elm-ui', private: true, scripts: { build: 'vite build' }, devDependencies: { elm: '0.19.1-6', vite: '^8.0.0', 'vite-plugin-elm': '^3.0.1' }, dependencies: { bootstrap: '^4.6.2' } }),
    'ui/app/index.html': '<div id="root"></div><script type="module" src="/src/main.js"></script>\n',
    'ui/app/elm.json': JSON.stringify({ type: 'application', 'source-directories': ['src'], 'elm-version': '0.19.1' }),
    'ui/app/src/Main.elm': 'module Main exposing (main)\n\nimport Browser\nimport Html exposing (text)\n\n\nmain =\n    Browser.sandbox { init = 0, update = \\_ m -> m, view = \\_ -> text "alerts" }\n'.repeat(3),
  }, (m) => (model = m));

  it('is a frontend in Elm', () => {
    const ui = model.containers.find((c) => c.path === 'ui/app');
    assert.equal(ui?.kind, 'frontend', JSON.stringify(model.containers.map((c) => [c.path, c.kind, c.language])));
    assert.equal(ui?.language, 'Elm');
  });
});

describe('a Rust workspace: a server, its Yew app and a migration binary without a CLI framework', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-rust-workspace-', {
    'Cargo.toml': '[workspace]\nmembers = ["server", "app", "migration-tool"]\ndefault-members = ["server"]\n',
    'server/Cargo.toml': '[package]\nname = "ldap_server"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\n',
    'server/src/main.rs': 'use actix_web::{App, HttpServer};\n\n#[actix_web::main]\nasync fn main() -> std::io::Result<()> {\n    HttpServer::new(|| App::new()).bind(("0.0.0.0", 17170))?.run().await\n}\n',
    'app/Cargo.toml': '[package]\nname = "ldap_app"\nversion = "0.1.0"\ndescription = "Frontend for the LDAP server"\n\n[dependencies]\nyew = "0.21"\nwasm-bindgen = "0.2"\n\n[lib]\ncrate-type = ["cdylib"]\n',
    'app/index.html': '<!doctype html><script type="module">import init from "./pkg/ldap_app.js"; init();</script>\n',
    'app/src/lib.rs': 'use yew::prelude::*;\n\n#[function_component]\nfn App() -> Html {\n    html! { <h1>{ "Users" }</h1> }\n}\n',
    'migration-tool/Cargo.toml': '[package]\nname = "migration_tool"\nversion = "0.1.0"\ndescription = "CLI migration tool to go from OpenLDAP to this server"\n\n[dependencies]\nrequestty = "0.6"\n',
    'migration-tool/src/main.rs': 'fn main() {\n    println!("migrating");\n}\n',
  }, (m) => (model = m));

  it('calls the Yew app a frontend and the binary a command-line tool, not libraries', () => {
    assert.equal(kindOf(model, 'app'), 'frontend', JSON.stringify(model.containers.map((c) => [c.path, c.kind])));
    assert.equal(kindOf(model, 'migration-tool'), 'cli');
  });
});

describe('a Django shop whose Redis is configured as the Celery broker and the cache', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-redis-broker-env-', {
    'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["Django>=5", "celery[redis]>=5.3", "redis>=5", "psycopg[binary]>=3"]\n',
    'manage.py': 'import sys\nfrom django.core.management import execute_from_command_line\n\nexecute_from_command_line(sys.argv)\n',
    'shop/settings.py': 'import os\n\nimport redis\n\nCELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL")\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ.get("CACHE_URL")}}\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}\n',
    'shop/celeryconf.py': 'from celery import Celery\n\napp = Celery("shop")\n',
    'shop/tasks.py': 'from .celeryconf import app\n\n\n@app.task\ndef send_order_email(order_id):\n    return order_id\n',
    '.env.example': 'CACHE_URL=redis://redis:6379/0\nCELERY_BROKER_URL=redis://redis:6379/1\nDATABASE_URL=postgres://saleor:saleor@db:5432/shop\n',
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nEXPOSE 8000\nCMD ["gunicorn", "shop.wsgi"]\n',
  }, (m) => (model = m));

  it('calls Redis a message broker, not a database', () => {
    const redis = model.containers.find((c) => c.name === 'Redis');
    assert.equal(redis?.kind, 'broker', JSON.stringify(model.containers.map((c) => [c.name, c.kind])));
  });

  it('names its Celery task a background task, not a queue', () => {
    const doc = render(model);
    assert.match(doc, /background tasks \(consumes\) send\\_order\\_email in `shop\/tasks\.py`/);
    assert.doesNotMatch(doc, /queues \(consumes\)/);
  });
});

describe('a Go framework whose only main packages are an example and an internal code generator', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-go-framework-', {
    'go.mod': 'module github.com/acme/pocketbase\n\ngo 1.23\n\nrequire github.com/spf13/cobra v1.8.1\n',
    'pocketbase.go': 'package pocketbase\n\nimport "github.com/acme/pocketbase/cmd"\n\ntype App struct{}\n\nfunc (a *App) Start() error { return cmd.NewServeCommand().Execute() }\n',
    'cmd/serve.go': 'package cmd\n\nimport (\n\t"net/http"\n\n\t"github.com/spf13/cobra"\n)\n\nfunc NewServeCommand() *cobra.Command {\n\treturn &cobra.Command{Use: "serve", RunE: func(*cobra.Command, []string) error { return http.ListenAndServe(":8090", nil) }}\n}\n',
    'plugins/jsvm/internal/types/types.go': 'package main\n\nfunc main() {}\n',
    'examples/base/main.go': 'package main\n\nimport "github.com/acme/pocketbase"\n\nfunc main() { _ = (&pocketbase.App{}).Start() }\n',
  }, (m) => (model = m));

  it('is a library, not a command-line tool', () => {
    assert.equal(kindOf(model, ''), 'library');
  });
});

describe('a JHipster monolith: Spring Boot with an Angular client, a Sonar compose file and a generated description', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-jhipster-', {
    'README.md': '# jhipsterSampleApplication\n\nThis application was generated using JHipster 9.2.0.\n',
    'pom.xml': '<project><groupId>io.github.jhipster.sample</groupId><artifactId>jhipster-sample-application</artifactId><description>Description for Jhipster Sample Application</description><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>\n',
    'package.json': JSON.stringify({ name: 'jhipster-sample-application', private: true, scripts: { start: 'ng serve --hmr', 'app:start': './mvnw' }, dependencies: { '@angular/core': '20.0.0' } }),
    'src/main/java/io/github/jhipster/sample/JhipsterSampleApplicationApp.java': 'package io.github.jhipster.sample;\n\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class JhipsterSampleApplicationApp {\n  public static void main(String[] args) {}\n}\n',
    'src/main/webapp/app/main.ts': 'import { bootstrapApplication } from "@angular/platform-browser";\nvoid bootstrapApplication;\n',
    'src/main/docker/app.yml': 'services:\n  app:\n    image: jhipstersampleapplication\n    ports: ["8080:8080"]\n  postgresql:\n    image: postgres:17.5\n',
    'src/main/docker/sonar.yml': 'services:\n  sonar:\n    image: sonarqube:25.5.0.107428-community\n    ports: ["9001:9000"]\n',
  }, (m) => (model = m));

  it('keeps SonarQube, a developer tool, out of the system', () => {
    assert.ok(!model.containers.some((c) => /sonar/i.test(c.name)), JSON.stringify(model.containers.map((c) => c.name)));
  });

  it("does not take the Angular dev server for the service's entry point, nor the generator's text for its purpose", () => {
    const root = model.containers.find((c) => c.path === '')!;
    assert.ok(!(root.entryPoints ?? []).some((e) => /ng serve/.test(e.value)), JSON.stringify(root.entryPoints));
    assert.doesNotMatch(model.system.purpose?.value ?? '', /^Description for/);
  });
});

describe('a Symfony app whose database is set by DATABASE_URL in its .env.dist', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-symfony-env-db-', {
    'composer.json': JSON.stringify({ name: 'acme/timetracker', type: 'project', require: { 'symfony/framework-bundle': '^7.0', 'doctrine/orm': '^3.0' } }),
    'public/index.php': '<?php\n\nuse App\\Kernel;\n\nreturn fn (array $context) => new Kernel($context["APP_ENV"], (bool) $context["APP_DEBUG"]);\n',
    'src/Kernel.php': '<?php\n\nnamespace App;\n\nuse Symfony\\Component\\HttpKernel\\Kernel as BaseKernel;\n\nclass Kernel extends BaseKernel {}\n',
    '.env.dist': 'APP_ENV=prod\nDATABASE_URL=mysql://kimai:secret@127.0.0.1:3306/kimai?charset=utf8mb4\n',
    Dockerfile: 'FROM php:8.3-apache\nCOPY . /var/www/html\nEXPOSE 8001\n',
  }, (m) => (model = m));

  it('draws the edge from the app to MySQL', () => {
    const mysql = model.containers.find((c) => c.name === 'MySQL');
    assert.ok(mysql, JSON.stringify(model.containers.map((c) => c.name)));
    assert.ok(model.relationships.some((r) => r.from === 'container:root' && r.to === mysql!.id), JSON.stringify(model.relationships.map((r) => `${r.from}->${r.to}`)));
  });
});

describe('a PHP app with more modules than the codemap names', () => {
  let model: ArchitectureModel;
  const small = Object.fromEntries('ABCDEFGHIJKLMNOPQR'.split('').map((l) => [`src/A${l}/Thing.php`, `<?php\n\nnamespace App\\A${l};\n\nclass Thing {}\n`]));
  const big = Object.fromEntries([1, 2, 3, 4].map((n) => [`src/Timesheet/Part${n}.php`, `<?php\n\nnamespace App\\Timesheet;\n\nclass Part${n} {}\n`]));
  analyzed('archmd-kinds-codemap-cap-', {
    'composer.json': JSON.stringify({ name: 'acme/timetracker', type: 'project', require: { 'symfony/framework-bundle': '^7.0' }, autoload: { 'psr-4': { 'App\\': 'src/' } } }),
    ...small,
    ...big,
  }, (m) => (model = m));

  it('names the largest modules, not the first ones by name', () => {
    const names = model.components.map((c) => c.name);
    assert.ok(names.includes('Timesheet'), names.join());
    assert.equal(names.length, 16);
  });
});

describe('a Go server that embeds its React UI from a Go file kept in the UI folder', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-go-embeds-ui-', {
    'go.mod': 'module github.com/acme/notify\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
    'main.go': 'package main\n\nimport "github.com/acme/notify/router"\n\nfunc main() { router.Run() }\n',
    'router/router.go': 'package router\n\nimport (\n\t"github.com/gin-gonic/gin"\n\n\t"github.com/acme/notify/ui"\n)\n\nfunc Run() {\n\tg := gin.New()\n\tg.GET("/message", nil)\n\tui.Register(g)\n\t_ = g.Run(":80")\n}\n',
    'model/model.go': 'package model\n\ntype Message struct{ Text string }\n',
    'ui/serve.go': 'package ui\n\nimport (\n\t"embed"\n\n\t"github.com/gin-gonic/gin"\n\n\t"github.com/acme/notify/model"\n)\n\n//go:embed build\nvar box embed.FS\n\nfunc Register(g *gin.Engine) {\n\t_ = model.Message{}\n\tg.GET("/", nil)\n}\n',
    'ui/package.json': JSON.stringify({ name: 'notify-ui', private: true, scripts: { start: 'vite', build: 'vite build' }, dependencies: { react: '^18.3.0', 'react-dom': '^18.3.0', axios: '^1.7.0' } }),
    'ui/index.html': '<div id="root"></div><script type="module" src="/src/index.tsx"></script>\n',
    'ui/src/index.tsx': 'import { createRoot } from "react-dom/client";\ncreateRoot(document.getElementById("root")!).render(null);\n',
  }, (m) => (model = m));

  it('keeps the Go file with the Go server: the UI is a frontend, and there is no cycle between them', () => {
    const ui = model.containers.find((c) => c.path === 'ui')!;
    assert.equal(ui.kind, 'frontend', JSON.stringify(model.containers.map((c) => [c.path, c.kind])));
    assert.ok(!ui.technologies.includes('gin'), ui.technologies.join());
    assert.ok(!model.cycles.some((c) => c.level === 'container'), JSON.stringify(model.cycles));
  });
});

describe('a Vite and Svelte admin UI with Svelte installed as a dev dependency', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-svelte-dev-', {
    'ui/package.json': JSON.stringify({ name: 'admin-ui', private: true, scripts: { dev: 'vite', build: 'vite build' }, devDependencies: { svelte: '^4.2.0', '@sveltejs/vite-plugin-svelte': '^3.0.0', vite: '^5.0.0' }, dependencies: { leaflet: '^1.9.4' } }),
    'ui/index.html': '<div id="app"></div><script type="module" src="/src/main.js"></script>\n',
    'ui/src/main.js': 'import App from "./App.svelte";\nnew App({ target: document.getElementById("app") });\n',
    'ui/src/App.svelte': '<script>let n = 0;</script>\n<h1>{n}</h1>\n',
  }, (m) => (model = m));

  it('is a frontend built with Svelte', () => {
    const ui = model.containers.find((c) => c.path === 'ui');
    assert.equal(ui?.kind, 'frontend');
    assert.ok(ui?.technologies.includes('svelte'));
  });
});

describe('a Go server whose GORM dialects are MySQL, PostgreSQL and the default SQLite', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-sqlite-choice-', {
    'go.mod': 'module github.com/acme/notify\n\ngo 1.22\n\nrequire (\n\tgorm.io/gorm v1.25.0\n\tgorm.io/driver/mysql v1.5.0\n\tgorm.io/driver/postgres v1.5.0\n\tgorm.io/driver/sqlite v1.5.0\n)\n',
    'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/acme/notify/database"\n)\n\nfunc main() {\n\t_ = database.Open("sqlite3", "data/notify.db")\n\thttp.HandleFunc("/message", nil)\n\t_ = http.ListenAndServe(":80", nil)\n}\n',
    'database/database.go': 'package database\n\nimport (\n\t"gorm.io/driver/mysql"\n\t"gorm.io/driver/postgres"\n\t"gorm.io/driver/sqlite"\n\t"gorm.io/gorm"\n)\n\nfunc Open(dialect, conn string) error {\n\tswitch dialect {\n\tcase "mysql":\n\t\t_, _ = gorm.Open(mysql.Open(conn))\n\tcase "postgres":\n\t\t_, _ = gorm.Open(postgres.Open(conn))\n\tcase "sqlite3":\n\t\t_, _ = gorm.Open(sqlite.Open(conn))\n\t}\n\treturn nil\n}\n',
    Dockerfile: 'FROM alpine:3.20\nCOPY notify /notify\nEXPOSE 80\nCMD ["/notify"]\n',
  }, (m) => (model = m));

  it('names SQLite among the databases one of which holds the data', () => {
    const doc = render(model);
    assert.match(doc, /\*\*Storage\*\*: MySQL, PostgreSQL or SQLite \(databases/);
    assert.match(doc, /It can keep its data in MySQL, PostgreSQL and SQLite; which of them/);
  });
});

describe('a Flask app whose package.json beside pyproject.toml builds its client', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-npm-beside-python-', {
    'pyproject.toml': '[project]\nname = "dashboards"\ndependencies = ["flask>=3", "gunicorn"]\n',
    'package.json': JSON.stringify({ name: 'dashboards', private: true, scripts: { start: 'npm-run-all --parallel watch webpack-dev-server', build: 'webpack' }, dependencies: { react: '^18.0.0' }, devDependencies: { webpack: '^5.0.0' } }),
    'app/__init__.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/api/dashboards")\ndef dashboards():\n    return {}\n',
    'client/app/index.jsx': 'import React from "react";\nexport const App = () => null;\n',
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nEXPOSE 5000\nCMD ["gunicorn", "app:app"]\n',
  }, (m) => (model = m));

  it('does not give the webpack dev server as the service\'s entry point', () => {
    const root = model.containers.find((c) => c.path === '');
    assert.ok(!(root?.entryPoints ?? []).some((e) => /webpack-dev-server/.test(e.value)), JSON.stringify(root?.entryPoints));
  });
});

describe('a Rails app with HTML pages, a JSON API namespace and a webhook', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-rails-pages-', {
    Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.2'\ngem 'pg'\ngem 'jbuilder'\n",
    'config/application.rb': 'module Ledger\n  class Application < Rails::Application\n  end\nend\n',
    'config/routes.rb': [
      'Rails.application.routes.draw do',
      '  resources :accounts do',
      '    post :sync, on: :member',
      '  end',
      '  resource :profile, only: %i[show update]',
      '  get "changelog", to: "pages#changelog"',
      '  resources :deletions, only: %i[new create], module: :tags',
      '  namespace :api do',
      '    namespace :v1 do',
      '      resources :transactions, only: %i[index show]',
      '    end',
      '  end',
      '  post "webhooks/stripe", to: "webhooks#stripe"',
      'end',
      '',
    ].join('\n'),
    'app/controllers/accounts_controller.rb': 'class AccountsController < ApplicationController\nend\n',
    'app/views/accounts/index.html.erb': '<h1>Accounts</h1>\n',
    'app/views/accounts/show.html.erb': '<h1><%= @account.name %></h1>\n',
    'app/views/accounts/new.html.erb': '<%= render "form" %>\n',
    'app/views/accounts/edit.html.erb': '<%= render "form" %>\n',
    'app/views/accounts/_form.html.erb': '<%= form_with model: @account %>\n',
    'app/views/profiles/show.html.erb': '<h1>Profile</h1>\n',
    'app/views/pages/changelog.html.erb': '<h1>Changelog</h1>\n',
    'app/views/tags/deletions/new.html.erb': '<h1>Delete tag</h1>\n',
    'app/views/api/v1/transactions/index.json.jbuilder': 'json.array! @transactions\n',
    'app/views/api/v1/transactions/show.json.jbuilder': 'json.(@transaction, :id)\n',
    'app/controllers/webhooks_controller.rb': 'class WebhooksController < ApplicationController\n  def stripe\n    head :ok\n  end\nend\n',
  }, (m) => (model = m));

  it('serves the pages its controllers render as web pages, and the JSON API and the webhook as REST', () => {
    const apis = model.containers.find((c) => c.path === '')?.apis ?? [];
    const style = (name: string) => apis.find((a) => a.name === name)?.style;
    for (const page of ['GET /accounts', 'GET /accounts/:id/edit', 'POST /accounts', 'DELETE /accounts/:id', 'POST /accounts/:id/sync', 'GET /profile', 'PATCH /profile', 'GET /changelog', 'GET /deletions/new', 'POST /deletions']) {
      assert.equal(style(page), 'Web', page);
    }
    for (const api of ['GET /api/v1/transactions', 'GET /api/v1/transactions/:id', 'POST /webhooks/stripe']) assert.equal(style(api), 'REST', api);
    const communication = model.system.communication.map((c) => c.value);
    assert.ok(communication.includes('HTTP pages and forms') && communication.includes('REST over HTTP'), communication.join(', '));
  });
});

describe('database clients a part declares and never uses, beside ones it does', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-unused-clients-', {
    'src/api/package.json': JSON.stringify({ name: 'todo-api', scripts: { start: 'node dist/index.js' }, dependencies: { express: '^4.19.0', '@azure/cosmos': '^4.0.0', mongodb: '^6.0.0', mongoose: '^8.0.0' } }),
    'src/api/src/index.ts': 'import express from "express";\nimport { CosmosClient } from "@azure/cosmos";\nexport const db = new CosmosClient(process.env.COSMOS_ENDPOINT!);\nexpress().listen(3100);\n',
    'src/web/package.json': JSON.stringify({ name: 'web', private: true, scripts: { dev: 'vite' }, dependencies: { react: '^18.0.0', ioredis: '^5.4.0' }, devDependencies: { vite: '^5.0.0' } }),
    'src/web/index.html': '<div id="root"></div><script type="module" src="/src/main.tsx"></script>\n',
    'src/web/src/main.tsx': 'import React from "react";\nexport const App = () => React.createElement("div");\n',
    'worker/pyproject.toml': '[project]\nname = "worker"\ndependencies = ["sqlalchemy>=2", "psycopg2-binary"]\n',
    'worker/worker/main.py': 'import os\nfrom sqlalchemy import create_engine\n\nengine = create_engine(os.environ["DATABASE_URL"])\n',
  }, (m) => (model = m));

  const techsOf = (path: string) => (model.containers.find((c) => c.path === path)?.technologies ?? []);

  it('names what the code uses, not what it only declares', () => {
    assert.ok(techsOf('src/api').includes('cosmos-db'), techsOf('src/api').join(', '));
    assert.ok(!techsOf('src/api').includes('mongodb') && !techsOf('src/api').includes('mongoose'), techsOf('src/api').join(', '));
    assert.ok(!techsOf('src/web').includes('redis'), techsOf('src/web').join(', '));
  });

  it('keeps a driver an ORM the part imports loads by name', () => {
    assert.ok(techsOf('worker').includes('postgresql'), techsOf('worker').join(', '));
  });
});

describe('a FastAPI service that streams with Server-Sent Events', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-sse-', {
    'pyproject.toml': '[project]\nname = "chat"\ndependencies = ["fastapi", "sse-starlette", "uvicorn"]\n',
    'chat/main.py': 'from fastapi import FastAPI\nfrom sse_starlette.sse import EventSourceResponse\n\napp = FastAPI()\n\n\n@app.get("/api/chat")\nasync def chat():\n    return EventSourceResponse(iter([]))\n',
  }, (m) => (model = m));

  it('says Server-Sent Events, not WebSockets', () => {
    const communication = model.system.communication.map((c) => c.value);
    assert.ok(communication.includes('Server-Sent Events'), communication.join(', '));
    assert.ok(!communication.includes('WebSockets'), communication.join(', '));
  });
});

describe('Kubernetes workloads that take their environment from ConfigMaps (bank-of-anthos)', () => {
  let model: ArchitectureModel;
  const deployment = (name: string, image: string, configMaps: string[]) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: ${name}\n          image: ${image}\n          envFrom:\n${configMaps.map((c) => `            - configMapRef:\n                name: ${c}\n`).join('')}`;
  const service = (name: string, port: number) => `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: ${port}\n`;
  analyzed('archmd-kinds-k8s-configmaps-', {
    'src/contacts/pyproject.toml': '[project]\nname = "contacts"\ndependencies = ["flask", "sqlalchemy", "psycopg2-binary"]\n',
    'src/contacts/contacts.py': 'from flask import Flask\nimport sqlalchemy\n\napp = Flask(__name__)\n\n\n@app.route("/contacts")\ndef contacts():\n    return []\n',
    'src/contacts/Dockerfile': 'FROM python:3.12\nCOPY . .\nEXPOSE 8080\nCMD ["gunicorn", "contacts:app"]\n',
    'src/balancereader/pom.xml': '<project><groupId>anthos</groupId><artifactId>balancereader</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>\n',
    'src/balancereader/src/main/java/anthos/BalanceReader.java': 'package anthos;\n\n@SpringBootApplication\npublic class BalanceReader {\n  public static void main(String[] args) {}\n}\n',
    'src/balancereader/Dockerfile': 'FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\nEXPOSE 8080\nCMD ["java", "-jar", "/app.jar"]\n',
    'src/frontend/requirements.txt': 'flask\nrequests\n',
    'src/frontend/frontend.py': 'from flask import Flask\n\napp = Flask(__name__)\n',
    'src/frontend/Dockerfile': 'FROM python:3.12\nCOPY . .\nEXPOSE 8080\nCMD ["gunicorn", "frontend:app"]\n',
    'kubernetes-manifests/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: service-api-config\ndata:\n  CONTACTS_API_ADDR: "contacts:8080"\n  BALANCES_API_ADDR: "balancereader:8080"\n',
    'kubernetes-manifests/accounts-db.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: accounts-db-config\ndata:\n  ACCOUNTS_DB_URI: postgresql://admin:pwd@accounts-db:5432/accounts-db\n---\n' + deployment('accounts-db', 'postgres:16', []) + service('accounts-db', 5432),
    'kubernetes-manifests/ledger-db.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ledger-db-config\ndata:\n  SPRING_DATASOURCE_URL: jdbc:postgresql://ledger-db:5432/postgresdb\n---\n' + deployment('ledger-db', 'postgres:16', []) + service('ledger-db', 5432),
    'kubernetes-manifests/contacts.yaml': deployment('contacts', 'contacts', ['accounts-db-config']) + service('contacts', 8080),
    'kubernetes-manifests/balancereader.yaml': deployment('balancereader', 'balancereader', ['ledger-db-config']) + service('balancereader', 8080),
    'kubernetes-manifests/frontend.yaml': deployment('frontend', 'frontend', ['service-api-config']) + service('frontend', 80),
  }, (m) => (model = m));

  const talks = (name: string) => {
    const c = model.containers.find((x) => x.name === name)!;
    return model.relationships.filter((r) => r.from === c.id && r.kind !== 'import').map((r) => model.containers.find((x) => x.id === r.to)?.name).sort();
  };

  it('connects each workload to the database its ConfigMap names, not to every PostgreSQL', () => {
    assert.deepEqual(talks('contacts'), ['accounts-db']);
    assert.deepEqual(talks('balancereader'), ['ledger-db']);
  });

  it('draws the calls the ConfigMap addresses name', () => {
    assert.deepEqual(talks('frontend'), ['balancereader', 'contacts']);
  });
});

describe('a C program whose root Dockerfile packages the binary, and a folder whose image listens on a port', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-c-cli-image-', {
    'README.md': '# jq\n\njq is a lightweight and flexible command-line JSON processor.\n',
    'Makefile.am': 'bin_PROGRAMS = jq\njq_SOURCES = src/main.c\n',
    'src/main.c': '#include <stdio.h>\nint main(void) { return 0; }\n',
    'src/parser.c': 'int parse(void) { return 0; }\n',
    Dockerfile: 'FROM debian:12 AS builder\nCOPY . /app\nRUN make\nFROM scratch\nCOPY --from=builder /app/jq /jq\nENTRYPOINT ["/jq"]\n',
    'proxy/Dockerfile': 'FROM python:3.12-slim\nCOPY relay.py /relay.py\nEXPOSE 8080\nCMD ["python", "/relay.py"]\n',
    'proxy/relay.py': 'import http.server\n\nhttp.server.HTTPServer(("", 8080), http.server.SimpleHTTPRequestHandler).serve_forever()\n',
    'proxy/handlers.py': 'def handle():\n    return None\n',
  }, (m) => (model = m));

  it('does not call the packaged command a service the network reaches', () => {
    assert.notEqual(kindOf(model, ''), 'service');
    assert.doesNotMatch(render(model), /users reach \*\*jq\*\* over the network/);
  });

  it('still calls an image that listens on a port a service', () => {
    assert.equal(kindOf(model, 'proxy'), 'service');
  });
});

describe('one Redis deployed two ways: plain manifests and a high-availability set', () => {
  let model: ArchitectureModel;
  const redis = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: redis\n          image: redis:7.4-alpine\n`;
  analyzed('archmd-kinds-k8s-redis-variants-', {
    'go.mod': 'module github.com/acme/deployer\n\ngo 1.23\n\nrequire github.com/redis/go-redis/v9 v9.6.0\n',
    'main.go': 'package main\n\nimport "github.com/redis/go-redis/v9"\n\nfunc main() { _ = redis.NewClient(&redis.Options{}) }\n',
    'manifests/base/redis/redis-deployment.yaml': redis('deployer-redis'),
    'manifests/ha/redis-ha/redis-ha.yaml': redis('deployer-redis-ha-server'),
  }, (m) => (model = m));

  it('is one store, not two', () => {
    assert.equal(model.containers.filter((c) => c.kind === 'datastore').length, 1, JSON.stringify(model.containers.map((c) => [c.name, c.kind])));
  });
});

/**
 * The precision rules, each with the trap it guards against: prose is never a claim, an optional extra
 * is reported as optional, a cloud SDK is not hosting, and a docs example is not the stack.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze, render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Writes `files` into a temporary repository before the suite, hands its model over, and removes it after. */
function analyzed(prefix: string, files: Record<string, string>, use: (model: ArchitectureModel) => void): void {
  let root = '';
  before(async () => {
    root = mkdtempSync(join(tmpdir(), prefix));
    write(root, files);
    use(await analyze(root, { cache: false }));
  });
  after(() => rmSync(root, { recursive: true, force: true }));
}

describe('a Python service with an optional extra, an SDK and a README full of names', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-', {
    'README.md': '# ledger\n\nLedger keeps the books of a small shop and answers balance queries over HTTP.\n\nWe once tried MongoDB and Kafka; we may deploy on Azure or Heroku one day.\n',
    'pyproject.toml': [
      '[project]',
      'name = "ledger"',
      'version = "1.0.0"',
      'dependencies = ["fastapi>=0.110", "boto3>=1.34"]',
      '',
      '[project.optional-dependencies]',
      'mysql = ["pymysql>=1.1"]',
      '',
    ].join('\n'),
    'ledger/__init__.py': '',
    'ledger/app.py': 'from fastapi import FastAPI\nimport boto3\n\napp = FastAPI()\n\n@app.get("/balance")\ndef balance():\n    return {"s3": boto3.client("s3").list_buckets()}\n',
    'Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nCMD ["uvicorn", "ledger.app:app"]\n',
    'docs/examples/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
  }, (m) => (model = m));

  it('names in README prose are never claims', () => {
    const ids = model.technologies.map((t) => t.id);
    for (const trap of ['mongodb', 'kafka', 'azure', 'heroku']) assert.ok(!ids.includes(trap), `${trap} is not claimed`);
    assert.ok(!model.deployment.hosting.some((h) => /azure|heroku/i.test(h.value)));
  });

  it('an optional extra is reported as optional, not as the stack', () => {
    const mysql = model.technologies.find((t) => t.id === 'mysql');
    assert.ok(mysql, 'the extra is seen');
    assert.equal(mysql.scope, 'optional');
    assert.match(render(model), /MySQL \(optional\)/);
    assert.ok(!model.containers.some((c) => c.id === 'datastore:mysql'), 'no MySQL element for an optional driver');
  });

  it('an AWS SDK is a service the code uses, not where it is hosted', () => {
    assert.ok(model.technologies.some((t) => t.id === 'fastapi' && t.scope === 'runtime'));
    assert.ok(!model.deployment.hosting.some((h) => h.value === 'AWS'), model.deployment.hosting.map((h) => h.value).join());
  });

  it('a docs example is reported as an example', () => {
    const pg = model.technologies.find((t) => t.id === 'postgresql');
    assert.equal(pg?.scope, 'example');
    assert.ok(!model.containers.some((c) => c.role === 'main' && c.name === 'db'));
  });
});

describe('a Rails app with a web and a worker process, test containers and two services on one driver', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-rails-', {
    'README.md': '# pods\n\nPods hosts a small social network.\n',
    Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'pg'\ngem 'sidekiq'\n",
    Procfile: 'web: bin/puma -C config/puma.rb\nworker: bundle exec sidekiq\n',
    'package.json': JSON.stringify({ name: 'pods', private: true, devDependencies: { '@biomejs/biome': '^1.9.0' } }),
    'config/environments/production.rb': 'Rails.application.configure do\nend\n',
    'config/environments/staging.rb': 'Rails.application.configure do\nend\n',
    // a GitHub environment that only scopes the translators' secrets
    '.github/workflows/i18n.yml': 'name: i18n\non: push\njobs:\n  upload:\n    runs-on: ubuntu-latest\n    environment: Translations\n    steps:\n      - run: npx crowdin upload\n',
    'app/models/pod.rb': 'class Pod < ApplicationRecord\nend\n',
    'docker-compose.yml': [
      'services:',
      '  web:',
      '    build: .',
      '  sidekiq:',
      '    image: ghcr.io/acme/pods:latest',
      '    command: bundle exec sidekiq',
      '  playwright:',
      '    image: mcr.microsoft.com/playwright:v1.48.0-jammy',
      '    environment:',
      '      BASE_URL: http://web:3000',
      '',
    ].join('\n'),
    'Dockerfile': 'FROM ruby:3.3\nCOPY . /app\nCMD ["bin/puma"]\n',
    'e2e/Dockerfile.playwright': 'FROM mcr.microsoft.com/playwright:v1.48.0-jammy\n',
    'billing/Gemfile': "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'pg'\n",
    'billing/app.rb': "require 'sinatra'\nget '/invoices' do\n  'ok'\nend\n",
    'billing/Dockerfile': 'FROM ruby:3.3\nCOPY . /app\nEXPOSE 4567\n',
  }, (m) => (model = m));

  it('a Procfile web process makes a service, whatever workers run beside it', () => {
    const app = model.containers.find((c) => c.path === '');
    assert.equal(app?.kind, 'service');
  });

  it("a compose service running the project's own published image is the project, not another service", () => {
    assert.ok(!model.containers.some((c) => c.name === 'sidekiq'), model.containers.map((c) => c.name).join());
  });

  it('a container that runs the tests is not part of the system', () => {
    assert.ok(!model.containers.some((c) => /playwright/i.test(c.name)), model.containers.map((c) => c.name).join());
  });

  it('environments come from per-environment configuration files, not from a CI environment that only holds secrets', () => {
    assert.deepEqual(model.deployment.environments.map((e) => e.value), ['production', 'staging']);
    assert.equal(model.deployment.environments[0].evidence[0].file, 'config/environments/production.rb');
  });

  it('two services carrying the same database driver are not said to share a database', () => {
    assert.ok(!model.observations.some((o) => /is shared by/.test(o.value)), model.observations.map((o) => o.value).join('\n'));
  });
});

describe('a FastAPI backend and a React frontend installed with Bun', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-fullstack-', {
    'README.md': '# notes\n\nNotes keeps short notes for a team and serves them over a JSON API.\n',
    'bun.lock': '{}\n',
    'package.json': JSON.stringify({ name: 'notes', private: true, workspaces: ['frontend'] }),
    'frontend/package.json': JSON.stringify({ name: 'frontend', private: true, dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0', axios: '^1.7.0', zod: '^3.23.0' } }),
    'frontend/src/main.tsx': "import axios from 'axios';\nimport { z } from 'zod';\nexport const api = axios.create();\nexport const Note = z.object({ id: z.string() });\n",
    'backend/pyproject.toml': '[project]\nname = "notes-api"\nversion = "1.0.0"\ndependencies = ["fastapi>=0.110"]\n',
    'backend/app/__init__.py': '',
    'backend/app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/notes")\ndef notes():\n    return []\n',
    'backend/Dockerfile': 'FROM oven/bun:1 AS frontend\nRUN echo build\nFROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\n',
  }, (m) => (model = m));

  it('an HTTP client and a validation library used only by the frontend are on the Frontend line', () => {
    const stack = render(model).split('\n');
    const frontend = stack.find((l) => l.startsWith('- **Frontend**')) ?? '';
    const backend = stack.find((l) => l.startsWith('- **Backend**')) ?? '';
    assert.match(frontend, /Axios/);
    assert.match(frontend, /Zod/);
    assert.doesNotMatch(backend, /Axios|Zod/);
  });

  it('a lockfile and a build stage say which tool installs and builds, not what runs', () => {
    const bun = model.technologies.find((t) => t.id === 'bun');
    assert.ok(bun, 'Bun is seen');
    assert.notEqual(bun.scope, 'runtime');
  });
});

describe('a Go service with drivers for two relational databases', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-go-', {
    'README.md': '# forge\n\nForge is a small self-hosted git service with a web interface.\n',
    'go.mod': 'module example.com/forge\n\ngo 1.22\n\nrequire (\n\tgorm.io/driver/mysql v1.5.7\n\tgorm.io/driver/postgres v1.5.9\n\tgorm.io/gorm v1.25.12\n)\n',
    'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"example.com/forge/internal/db"\n)\n\nfunc main() {\n\tdb.Open("mysql")\n\thttp.ListenAndServe(":3000", nil)\n}\n',
    'internal/db/dsn.go': 'package db\n\nimport (\n\t"gorm.io/driver/mysql"\n\t"gorm.io/driver/postgres"\n\t"gorm.io/gorm"\n)\n\nfunc Open(kind string) (*gorm.DB, error) {\n\tif kind == "mysql" {\n\t\treturn gorm.Open(mysql.Open(""))\n\t}\n\treturn gorm.Open(postgres.Open(""))\n}\n',
    Dockerfile: 'FROM golang:1.22\nCOPY . /src\nEXPOSE 3000\n',
  }, (m) => (model = m));

  it('says the code carries both drivers, not that it keeps its data in both', () => {
    const conclusion = render(model).split('section="conclusion"')[1] ?? '';
    assert.match(conclusion, /carries drivers for MySQL and PostgreSQL/);
    assert.doesNotMatch(conclusion, /keeps its data in MySQL/);
  });

  it('every section reads the two databases as one or the other', () => {
    const doc = render(model);
    const section = (name: string) => doc.split(`section="${name}"`)[1] ?? '';
    assert.match(section('data-flow'), /talks to MySQL or PostgreSQL \(SQL\)/);
    assert.match(section('data-flow'), /\*\*Storage\*\*: MySQL or PostgreSQL \(databases whose drivers forge carries; one of them holds the data/);
    assert.match(section('core-components'), /\*\*Talks to\*\*: MySQL or PostgreSQL \(SQL\)/);
    assert.match(section('diagrams'), /-->\|SQL, one of\| datastore_mysql/);
  });
});

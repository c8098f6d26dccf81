/**
 * The precision rules, each with the trap it guards against: prose is never a claim, an optional extra
 * is reported as optional, a cloud SDK is not hosting, and a docs example is not the stack.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

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
    assert.match(conclusion, /can keep its data in MySQL and PostgreSQL; which of them holds it is a matter of configuration/);
    assert.doesNotMatch(conclusion, /keeps its data in MySQL/);
  });

  it('every section reads the two databases as one or the other', () => {
    const doc = render(model);
    const section = (name: string) => doc.split(`section="${name}"`)[1] ?? '';
    assert.match(section('data-flow'), /talks to MySQL or PostgreSQL \(SQL\)/);
    assert.match(section('data-flow'), /\*\*Storage\*\*: MySQL or PostgreSQL \(databases forge supports; one of them holds the data/);
    assert.match(section('core-components'), /\*\*Talks to\*\*: MySQL or PostgreSQL \(SQL\)/);
    assert.match(section('diagrams'), /-->\|SQL, one of\| datastore_mysql/);
  });
});

describe('a compose system whose images and Dockerfiles are variables set in .env', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-env-', {
    '.env': 'POSTGRES_IMAGE=postgres:18.4\nCART_DOCKERFILE=./src/cart/Dockerfile\nOPAMP_DOCKERFILE=./src/opamp-server/Dockerfile\nDB_PASSWORD=hunter2\n',
    'compose.yaml': [
      'services:',
      '  db:',
      '    image: ${POSTGRES_IMAGE}',
      '  cart:',
      '    build:',
      '      context: ./',
      '      dockerfile: ${CART_DOCKERFILE}',
      '    environment:',
      '      DATABASE_URL: postgres://db:5432/cart',
      '  opamp-server:',
      '    build:',
      '      context: ./',
      '      dockerfile: ${OPAMP_DOCKERFILE}',
      '',
    ].join('\n'),
    'package.json': '{ "name": "demo-root", "private": true, "devDependencies": { "markdownlint-cli": "^0.41.0" } }\n',
    'src/cart/go.mod': 'module example.com/cart\n\ngo 1.22\n',
    'src/cart/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":7070", nil) }\n',
    'src/cart/Dockerfile': 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY ./src/cart/ ./\nRUN go build -o /cart .\nFROM alpine:3.20\nCOPY --from=build /cart /cart\nEXPOSE 7070\n',
    'src/opamp-server/Dockerfile': 'FROM golang:1.25 AS build\nRUN git clone https://github.com/open-telemetry/opamp-go /src\nWORKDIR /src/internal/examples\nRUN go build -o /opamp ./server\nFROM alpine:3.22\nCOPY --from=build /opamp /opamp\n',
  }, (m) => (model = m));

  it('reads the image from .env: db is PostgreSQL, and cart talks to it', () => {
    const db = model.containers.find((c) => c.name === 'db');
    assert.equal(db?.kind, 'datastore');
    assert.equal(db?.image, 'postgres:18.4');
    const cart = model.containers.find((c) => c.name === 'cart');
    assert.equal(cart?.path, 'src/cart');
    assert.ok(model.relationships.some((r) => r.from === cart?.id && r.to === db?.id), 'cart -> db');
  });

  it('an image built from code kept elsewhere is a part of its own, not the repository root', () => {
    const opamp = model.containers.find((c) => c.name === 'opamp-server');
    assert.equal(opamp?.path, 'src/opamp-server');
    const root = model.containers.find((c) => c.path === '');
    assert.ok(!root || root.kind !== 'service', `the root is ${root?.kind}`);
  });

  it('keeps no other value of .env', () => {
    assert.doesNotMatch(JSON.stringify(model), /hunter2/);
  });
});

describe('a .NET solution with a database image and a Dockerfile kept apart from the project it builds', () => {
  let model: ArchitectureModel;
  const csproj = (sdk: string) => `<Project Sdk="${sdk}">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n`;
  analyzed('archmd-precision-sln-', {
    'vault.slnx': '<Solution>\n  <Project Path="src/Api/Api.csproj" />\n  <Project Path="util/Server/Server.csproj" />\n</Solution>\n',
    'src/Api/Api.csproj': csproj('Microsoft.NET.Sdk.Web'),
    'src/Api/Program.cs': 'var app = WebApplication.Create(args);\napp.MapGet("/api/items", () => "[]");\napp.Run();\n',
    'util/Server/Server.csproj': csproj('Microsoft.NET.Sdk.Web'),
    'util/Server/Program.cs': 'var app = WebApplication.Create(args);\napp.UseStaticFiles();\napp.Run();\n',
    'util/Attachments/Dockerfile': 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /source\nCOPY . ./\nWORKDIR /source/util/Server\nRUN dotnet publish -o out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /source/util/Server/out /app\nCOPY util/Attachments/entrypoint.sh /entrypoint.sh\n',
    'util/Attachments/entrypoint.sh': '#!/bin/sh\nexec dotnet /app/Server.dll\n',
    'dev/docker-compose.yml': 'services:\n  mssql:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n    ports:\n      - "1433:1433"\n',
    ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`src/Api/Controllers/Items${i}Controller.cs`, `namespace Vault.Api;\n\npublic class Items${i}Controller {}\n`])),
    'dev/seed.cs': 'class Seed {}\n',
    'dev/reset.cs': 'class Reset {}\n',
    'dev/tool.cs': 'class Tool {}\n',
  }, (m) => (model = m));

  it('the SQL Server image is the database, not the project called Server', () => {
    const mssql = model.containers.find((c) => c.name === 'mssql');
    assert.equal(mssql?.kind, 'datastore');
    assert.equal(mssql?.path, undefined);
    const server = model.containers.find((c) => c.path === 'util/Server');
    assert.ok(server && !server.evidence.some((e) => e.file === 'dev/docker-compose.yml'), 'util/Server is not the mssql service');
  });

  it('the Dockerfile kept in util/Attachments builds util/Server, which it names', () => {
    const server = model.containers.find((c) => c.path === 'util/Server');
    assert.ok(server?.evidence.some((e) => e.file === 'util/Attachments/Dockerfile'));
  });

  it('a solution file with a few scripts beside it is not a part of the system', () => {
    assert.equal(model.containers.find((c) => c.path === ''), undefined);
  });
});

describe('a Django app whose Dockerfile lives in docker/ and copies the whole repository', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-docker-folder-', {
    'README.md': '# pinger\n\nPinger watches cron jobs and alerts when they stop.\n',
    'requirements.txt': 'Django==5.1\npsycopg==3.2\n',
    'manage.py': 'import os\nimport sys\n\nif __name__ == "__main__":\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n',
    'pinger/settings.py': 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "pinger"}}\n',
    'pinger/urls.py': 'from django.urls import path\nfrom . import views\n\nurlpatterns = [path("ping/<uuid:code>", views.ping)]\n',
    'pinger/views.py': 'from django.http import HttpResponse\n\ndef ping(request, code):\n    return HttpResponse("OK")\n',
    'docker/Dockerfile': 'FROM python:3.12\nCOPY requirements.txt /tmp\nRUN pip install -r /tmp/requirements.txt\nCOPY . /opt/pinger/\nCOPY docker/fetchstatus.py /opt/pinger/\nEXPOSE 8000\n',
    'docker/fetchstatus.py': 'import urllib.request\nurllib.request.urlopen("http://localhost:8000/api/status/")\n',
    'docker/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n  web:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n    depends_on:\n      - db\n',
  }, (m) => (model = m));

  it('the web service is the app at the root, not a second part made of the health-check script', () => {
    const own = model.containers.filter((c) => c.path !== undefined && c.role === 'main');
    assert.deepEqual(own.map((c) => c.path), ['']);
    assert.ok(own[0].evidence.some((e) => e.file === 'docker/docker-compose.yml'), 'the compose service web is the app');
  });
});

describe('a PHP app whose development image mounts the code, beside a mail catcher', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-mount-', {
    'composer.json': '{ "name": "acme/wiki", "require": { "laravel/framework": "^11.0" } }\n',
    'app/Http/Controllers/PageController.php': '<?php\nnamespace App\\Http\\Controllers;\n\nclass PageController {}\n',
    'app/Models/Page.php': '<?php\nnamespace App\\Models;\n\nclass Page {}\n',
    'routes/web.php': "<?php\nRoute::get('/pages', [PageController::class, 'index']);\n",
    'dev/docker/Dockerfile': 'FROM php:8.3-apache\nWORKDIR /app\nRUN docker-php-ext-install pdo_mysql\n',
    'docker-compose.yml': [
      'services:',
      '  db:',
      '    image: mysql:8.4',
      '  app:',
      '    build:',
      '      context: .',
      '      dockerfile: ./dev/docker/Dockerfile',
      '    environment:',
      '      DB_HOST: db',
      '      MAIL_HOST: mailhog',
      '    volumes:',
      '      - ./:/app',
      '    ports:',
      '      - "8080:80"',
      '  mailhog:',
      '    image: mailhog/mailhog',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('the app service runs the code at the root, which it mounts', () => {
    const own = model.containers.filter((c) => c.path !== undefined && c.role === 'main');
    assert.deepEqual(own.map((c) => c.path), ['']);
  });

  it('the mail catcher is no part of the system', () => {
    assert.equal(model.containers.find((c) => c.name === 'mailhog'), undefined);
  });
});

describe('a polyglot system with one small service and generated protobuf code', () => {
  let model: ArchitectureModel;
  const big = (i: number) => `package orders\n\n// Handler${i} handles one kind of order.\nfunc Handler${i}() string {\n\treturn "${'x'.repeat(2000)}"\n}\n`;
  analyzed('archmd-precision-languages-', {
    'orders/go.mod': 'module example.com/orders\n\ngo 1.22\n',
    'orders/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
    ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`orders/handlers/h${i}.go`, big(i)])),
    'email/Gemfile': "source 'https://rubygems.org'\ngem 'sinatra'\n",
    'email/app.rb': "require 'sinatra'\n\npost '/send' do\n  'ok'\nend\n",
    'web/package.json': '{ "name": "web", "dependencies": { "react": "^18.0.0" } }\n',
    'web/src/App.tsx': "import React from 'react';\nexport const App = () => <div>shop</div>;\n",
    'web/src/protos/demo.ts': `// Code generated by protoc-gen-ts_proto. DO NOT EDIT.\n${Array.from({ length: 4000 }, (_, i) => `export const field${i} = ${i};`).join('\n')}\n`,
  }, (m) => (model = m));

  it('names the language of every part, however small its share', () => {
    const intro = render(model).split('section="introduction"')[1] ?? '';
    assert.match(intro, /\*\*Languages\*\*: Go \(main\), Ruby, TypeScript/);
  });

  it('code whose header says a generator wrote it does not count as the project’s code', () => {
    const ts = model.languages.find((l) => l.name === 'TypeScript');
    assert.ok(ts && ts.share < 0.05, `TypeScript share ${ts?.share}`);
  });
});

describe('a deployed queue consumer that listens on no port', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-consumer-', {
    'mailer/package.json': '{ "name": "mailer", "dependencies": { "bullmq": "^5.0.0" } }\n',
    'mailer/src/index.ts': "import { Worker } from 'bullmq';\n\nnew Worker('emails', async (job) => {\n  console.log(job.data);\n});\n",
    'mailer/Dockerfile': 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/dist/index.js"]\n',
    'docker-compose.yml': 'services:\n  redis:\n    image: redis:7\n  mailer:\n    build: ./mailer\n    environment:\n      REDIS_URL: redis://redis:6379\n',
  }, (m) => (model = m));

  it('is a worker, not a service', () => {
    assert.equal(model.containers.find((c) => c.path === 'mailer')?.kind, 'worker');
  });
});

describe('a .NET console app on the ASP.NET base image that compiles .proto messages', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-dotnet-console-', {
    'Accounting.csproj': [
      '<Project Sdk="Microsoft.NET.Sdk">',
      '  <PropertyGroup>',
      '    <OutputType>Exe</OutputType>',
      '    <TargetFramework>net8.0</TargetFramework>',
      '  </PropertyGroup>',
      '  <ItemGroup>',
      '    <PackageReference Include="Confluent.Kafka" Version="2.4.0" />',
      '    <PackageReference Include="Google.Protobuf" Version="3.27.0" />',
      '    <PackageReference Include="Grpc.Tools" Version="2.64.0" PrivateAssets="All" />',
      '  </ItemGroup>',
      '  <ItemGroup>',
      '    <Protobuf Include="demo.proto" GrpcServices="none" />',
      '  </ItemGroup>',
      '</Project>',
      '',
    ].join('\n'),
    'Program.cs': 'using Confluent.Kafka;\n\nvar consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig()).Build();\nconsumer.Subscribe("orders");\n',
    'Dockerfile': 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . /src\nRUN dotnet publish /src -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\nENTRYPOINT ["dotnet", "/app/Accounting.dll"]\n',
  }, (m) => (model = m));

  it('the ASP.NET base image does not make it an ASP.NET Core app, nor Grpc.Tools a gRPC one', () => {
    const ids = model.technologies.map((t) => t.id);
    assert.ok(!ids.includes('aspnet-core'), ids.join());
    assert.ok(!ids.includes('grpc'), ids.join());
    assert.ok(ids.includes('protobuf'));
  });
});

describe('a Python CLI with a packaging image and a code generator folder', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-packaging-', {
    'pyproject.toml': '[project]\nname = "fetch"\ndependencies = ["requests"]\n\n[project.scripts]\nfetch = "fetch.cli:main"\n',
    'fetch/__init__.py': '',
    'fetch/cli.py': 'import requests\n\ndef main():\n    print(requests.get("https://example.com").status_code)\n',
    'extras/packaging/linux/Dockerfile': 'FROM ubuntu:22.04\nRUN gem install fpm\nADD . /app\nWORKDIR /app/extras/packaging/linux\nRUN pip install pyinstaller && python build.py\nENTRYPOINT ["mv", "dist", "/artifacts"]\n',
    'extras/packaging/linux/build.py': 'import fetch\nimport subprocess\nsubprocess.run(["pyinstaller", "fetch/cli.py"])\n',
    'extras/packaging/linux/README.md': '# Linux packages\n\nThe process of building them is automated.\n',
    'proto/genproto/requirements.txt': 'grpcio-tools==1.64.0\n',
    'proto/genproto/Dockerfile': 'FROM python:3.12\nCOPY proto/genproto/requirements.txt .\nRUN pip install -r requirements.txt\n',
  }, (m) => (model = m));

  it('is one command-line tool; the packaging and code generation images deploy nothing', () => {
    const own = model.containers.filter((c) => c.role === 'main');
    assert.deepEqual(own.map((c) => `${c.path}:${c.kind}`), [':cli']);
  });
});

describe('a serverless tool with CDK deployment examples in folders of their own', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-cdk-', {
    'template.yml': 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Executor:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: executor.handler\n      Runtime: nodejs22.x\n      CodeUri: lambda\n',
    'lambda/executor.js': "exports.handler = async () => ({ statusCode: 200 });\n",
    'package.json': '{ "name": "power-tuner", "private": true }\n',
    'cdk/typescript/cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n',
    'cdk/typescript/package.json': '{ "name": "the-power-tuner", "bin": { "app": "bin/app.js" }, "dependencies": { "aws-cdk-lib": "^2.150.0", "constructs": "^10.0.0" } }\n',
    'cdk/typescript/bin/app.ts': "import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App();\napp.synth();\n",
    'cdk/go/cdk.json': '{ "app": "go mod download && go run cdk.go" }\n',
    'cdk/go/go.mod': 'module cdk\n\ngo 1.22\n\nrequire github.com/aws/aws-cdk-go/awscdk/v2 v2.150.0\n',
    'cdk/go/cdk.go': 'package main\n\nimport "github.com/aws/aws-cdk-go/awscdk/v2"\n\nfunc main() { awscdk.NewApp(nil) }\n',
  }, (m) => (model = m));

  it('the CDK apps deploy the tool and are no parts of it', () => {
    const own = model.containers.filter((c) => c.role === 'main' && c.path !== undefined).map((c) => c.path);
    assert.ok(!own.some((p) => p!.startsWith('cdk/')), own.join());
    assert.ok(model.technologies.some((t) => t.id === 'aws-cdk'), 'AWS CDK is still the infrastructure as code');
  });
});

describe('a CloudFormation template that provisions stores, functions and a warm-up timer', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-cfn-', {
    'template.yaml': [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  TBooks:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: Books',
      '  BestSellers:',
      '    Type: AWS::ElastiCache::CacheCluster',
      '    Properties:',
      '      Engine: redis',
      '  ListBooks:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: nodejs20.x',
      '      Code:',
      '        S3Key: functions/ListBooks.zip',
      '  WarmListBooks:',
      '    Type: AWS::Events::Rule',
      '    Properties:',
      '      ScheduleExpression: rate(10 minutes)',
      '',
    ].join('\n'),
    'functions/APIs/listBooks.js': "exports.handler = async () => ({ statusCode: 200, body: '[]' });\n",
  }, (m) => (model = m));

  it('the stores the template provisions are the system’s stores, each of them', () => {
    const stores = model.containers.filter((c) => c.path === undefined && ['datastore', 'cache'].includes(c.kind)).map((c) => c.name).sort();
    assert.deepEqual(stores, ['Amazon DynamoDB', 'Amazon ElastiCache']);
  });

  it('a rule on a timer is a scheduler, not a message bus', () => {
    const ids = model.technologies.map((t) => t.id);
    assert.ok(ids.includes('amazon-eventbridge-scheduled-rules'), ids.join());
    assert.ok(!ids.includes('amazon-eventbridge'), ids.join());
    assert.ok(!ids.includes('amazon-eventbridge-scheduler'), 'a rule is not the Scheduler service');
  });
});

describe('an SST app: infrastructure code in infra/, handlers in a functions package', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-sst-', {
    'package.json': '{ "name": "notes", "private": true, "workspaces": ["packages/*"], "devDependencies": { "sst": "3.3.0" } }\n',
    'sst.config.ts': 'export default $config({\n  app(input) {\n    return { name: "notes", home: "aws" };\n  },\n  async run() {\n    await import("./infra/api");\n  },\n});\n',
    'infra/storage.ts': 'export const bucket = new sst.aws.Bucket("Uploads");\nexport const table = new sst.aws.Dynamo("Notes", { fields: { userId: "string" }, primaryIndex: { hashKey: "userId" } });\n',
    'infra/api.ts': 'import { table } from "./storage";\n\nexport const api = new sst.aws.ApiGatewayV2("Api");\napi.route("GET /notes", "packages/functions/src/list.main");\napi.route("POST /notes", "packages/functions/src/create.main");\n',
    'infra/web.ts': 'export const web = new sst.aws.StaticSite("Frontend", { path: "packages/frontend" });\n',
    'packages/functions/package.json': '{ "name": "@notes/functions", "dependencies": { "@aws-sdk/client-dynamodb": "^3.0.0" } }\n',
    'packages/functions/src/list.ts': 'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";\nexport const main = async () => new DynamoDBClient({});\n',
    'packages/functions/src/create.ts': 'export const main = async () => ({ statusCode: 200 });\n',
  }, (m) => (model = m));

  it('hosts on the home cloud sst.config.ts names, with SST as the infrastructure code', () => {
    assert.deepEqual(model.deployment.hosting.map((h) => h.value), ['AWS']);
    assert.ok(model.deployment.iac.some((f) => f.value === 'SST'));
  });

  it('the package holding the handlers is the function behind the routes; the infrastructure code is no part', () => {
    const own = model.containers.filter((c) => c.role === 'main' && c.path !== undefined);
    assert.deepEqual(own.map((c) => `${c.path}:${c.kind}`), ['packages/functions:function']);
    assert.ok(model.system.communication.some((f) => f.value === 'REST over HTTP'));
  });

  it('the table and the bucket the infrastructure creates are stores', () => {
    const stores = model.containers.filter((c) => c.path === undefined).map((c) => c.name).sort();
    assert.deepEqual(stores, ['Amazon DynamoDB', 'Amazon S3']);
  });

  it('the function behind the routes answers requests: it is a service layer, not background processing', () => {
    const fn = model.containers.find((c) => c.path === 'packages/functions')!;
    assert.ok(fn.apis?.some((a) => a.name === 'GET /notes' && a.role === 'serves'), JSON.stringify(fn.apis));
    const layers = model.system.layers.map((l) => l.value);
    assert.ok(layers.includes('Services') && !layers.includes('Background processing'), layers.join());
  });
});

describe('a Python service with an end-to-end test harness package.json at the root and a Vue app', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-harness-', {
    'pyproject.toml': '[project]\nname = "dispatch"\ndescription = "Dispatch is an incident management platform"\ndependencies = ["fastapi", "sqlalchemy"]\n',
    'package.json': '{ "name": "dispatch-e2e", "description": "End-to-end tests for Dispatch", "private": true, "devDependencies": { "@playwright/test": "^1.45.0" } }\n',
    'src/dispatch/__init__.py': '',
    'src/dispatch/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/api/v1/incidents")\ndef incidents():\n    return []\n',
    'src/dispatch/models.py': 'from sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass\n',
    'src/dispatch/static/dispatch/package.json': '{ "name": "dispatch", "private": true, "dependencies": { "vue": "^3.4.0", "vue-router": "^4.3.0", "mjml": "^4.15.0" } }\n',
    'src/dispatch/static/dispatch/src/main.js': "import { createApp } from 'vue';\nimport App from './App.vue';\ncreateApp(App).mount('#app');\n",
  }, (m) => (model = m));

  it('the project is named and described by its pyproject, not by its test harness', () => {
    assert.equal(model.system.name.value, 'dispatch');
    assert.equal(model.system.purpose?.value, 'Dispatch is an incident management platform');
    assert.equal(model.containers.find((c) => c.path === '')?.name, 'dispatch');
  });

  it('a Vue app with a router that also renders emails with mjml is a frontend', () => {
    assert.equal(model.containers.find((c) => c.path === 'src/dispatch/static/dispatch')?.kind, 'frontend');
  });
});

describe('a Rust workspace: a server crate with an implicit binary, a utils crate with a small one', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-cargo-', {
    'Cargo.toml': '[workspace]\nmembers = ["crates/server", "crates/utils"]\n',
    'crates/server/Cargo.toml': '[package]\nname = "forum_server"\nversion = "0.1.0"\n\n[lib]\npath = "src/lib.rs"\n\n[dependencies]\nactix-web = "4"\nforum_utils = { path = "../utils" }\n',
    'crates/server/src/lib.rs': 'use forum_utils::settings;\n\npub async fn start() {\n    let _ = settings();\n}\n',
    'crates/server/src/main.rs': '#[actix_web::main]\nasync fn main() {\n    forum_server::start().await;\n}\n',
    'crates/utils/Cargo.toml': '[package]\nname = "forum_utils"\nversion = "0.1.0"\n\n[lib]\npath = "src/lib.rs"\n\n[[bin]]\nname = "print_config"\npath = "src/main.rs"\n\n[dependencies]\nactix-web = "4"\n',
    'crates/utils/src/lib.rs': 'pub fn settings() -> String {\n    String::from("{}")\n}\n\npub type Error = actix_web::Error;\n',
    'crates/utils/src/main.rs': 'fn main() {\n    println!("{}", forum_utils::settings());\n}\n',
  }, (m) => (model = m));

  it('src/main.rs makes the server crate a program, its web framework a service', () => {
    assert.equal(model.containers.find((c) => c.path === 'crates/server')?.kind, 'service');
  });

  it('the crate the others import is their library, its small binary notwithstanding', () => {
    assert.equal(model.containers.find((c) => c.path === 'crates/utils')?.kind, 'library');
  });
});

describe('a Gradle build whose modules pick libraries from a version catalog, run by a Procfile', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-catalog-', {
    'settings.gradle.kts': 'rootProject.name = "conf"\ninclude(":backend", ":app")\n',
    'build.gradle.kts': 'plugins {\n    alias(libs.plugins.kotlin.jvm) apply false\n}\n',
    'gradle/libs.versions.toml': [
      '[versions]',
      'ktor = "3.0.0"',
      '',
      '[libraries]',
      'ktor-server-netty = { module = "io.ktor:ktor-server-netty", version.ref = "ktor" }',
      'exposed-core = { module = "org.jetbrains.exposed:exposed-core", version = "0.55.0" }',
      'postgresql = "org.postgresql:postgresql:42.7.4"',
      'ktor-client-core = { module = "io.ktor:ktor-client-core", version.ref = "ktor" }',
      '',
      '[plugins]',
      'kotlin-jvm = { id = "org.jetbrains.kotlin.jvm", version = "2.0.0" }',
      '',
    ].join('\n'),
    'backend/build.gradle.kts': 'plugins {\n    application\n}\n\ndependencies {\n    implementation(libs.ktor.server.netty)\n    implementation(libs.exposed.core)\n    implementation(libs.postgresql)\n}\n',
    'backend/src/main/kotlin/conf/Main.kt': 'package conf\n\nimport io.ktor.server.netty.EngineMain\n\nfun main(args: Array<String>) = EngineMain.main(args)\n',
    'app/build.gradle.kts': 'dependencies {\n    implementation(libs.ktor.client.core)\n}\n',
    'app/src/main/kotlin/conf/app/Api.kt': 'package conf.app\n\nimport io.ktor.client.HttpClient\n\nval client = HttpClient()\n',
    'Procfile': 'web: java -jar backend/build/libs/backend.jar -port=$PORT\n',
  }, (m) => (model = m));

  it('each module has the libraries it picks, and the catalog is no dependency of the root', () => {
    const backend = model.containers.find((c) => c.path === 'backend');
    assert.ok(backend?.technologies.includes('ktor'), backend?.technologies.join());
    assert.ok(backend?.technologies.includes('exposed'), backend?.technologies.join());
    const app = model.containers.find((c) => c.path === 'app');
    assert.ok(!app?.technologies.includes('ktor') && !app?.technologies.includes('exposed'), app?.technologies.join());
    const root = model.containers.find((c) => c.path === '');
    assert.ok(!root || !root.technologies.includes('exposed'), root?.technologies.join());
  });

  it('the Procfile runs the backend, which serves', () => {
    const backend = model.containers.find((c) => c.path === 'backend');
    assert.equal(backend?.kind, 'service');
    assert.ok(backend?.evidence.some((e) => e.file === 'Procfile'));
  });
});

describe('a Rust service whose CI is Woodpecker', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-woodpecker-', {
    'Cargo.toml': '[package]\nname = "forum"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\n',
    'src/main.rs': 'fn main() {}\n',
    '.woodpecker.yml': 'steps:\n  test:\n    image: rust:1.80\n    commands:\n      - cargo test\n',
  }, (m) => (model = m));

  it('names the CI system it cannot read rather than saying there is none', () => {
    const deployment = render(model).split('section="deployment-architecture"')[1] ?? '';
    assert.match(deployment, /\*\*CI\/CD Pipeline\*\*: Woodpecker CI \(`\.woodpecker\.yml`\); archmd does not read its steps/);
  });
});

describe('a Python service that declares a client library it never imports', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-declared-', {
    'pyproject.toml': '[project]\nname = "recipes"\ndependencies = ["fastapi", "paho-mqtt", "redis"]\n',
    'recipes/__init__.py': '',
    'recipes/app.py': 'from fastapi import FastAPI\nimport redis\n\napp = FastAPI()\ncache = redis.Redis()\n\n@app.get("/api/recipes")\ndef recipes():\n    return cache.get("recipes")\n',
    'Dockerfile': 'FROM python:3.12\nCOPY . /app\nEXPOSE 9000\n',
  }, (m) => (model = m));

  it('the broker it never imports is no part of the system; the cache it imports is', () => {
    const stores = model.containers.filter((c) => c.path === undefined).map((c) => c.name);
    assert.deepEqual(stores, ['Redis']);
    assert.ok(!model.system.communication.some((f) => /MQTT/.test(f.value)), model.system.communication.map((f) => f.value).join());
  });
});

describe('a Spring Boot monolith with a profile per database and one per environment', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-spring-profiles-', {
    'pom.xml': '<project>\n  <groupId>org.example</groupId>\n  <artifactId>clinic</artifactId>\n  <dependencies>\n    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n  </dependencies>\n</project>\n',
    'src/main/java/org/example/clinic/ClinicApplication.java': 'package org.example.clinic;\n\n@SpringBootApplication\npublic class ClinicApplication {}\n',
    'src/main/resources/application.properties': 'database=h2\n',
    'src/main/resources/application-mysql.properties': 'spring.datasource.url=jdbc:mysql://localhost/clinic\n',
    'src/main/resources/application-postgres.properties': 'spring.datasource.url=jdbc:postgresql://localhost/clinic\n',
    'src/main/resources/application-prod.yml': 'server:\n  port: 80\n',
  }, (m) => (model = m));

  it('a profile that picks a database is no environment; one named like an environment is', () => {
    assert.deepEqual(model.deployment.environments.map((e) => e.value), ['production']);
  });
});

describe('a Spring app whose compose file runs two databases it chooses between by profile', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-db-choice-', {
    'pom.xml': '<project>\n  <groupId>org.example</groupId>\n  <artifactId>clinic</artifactId>\n  <dependencies>\n    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency>\n    <dependency><groupId>com.mysql</groupId><artifactId>mysql-connector-j</artifactId></dependency>\n    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>\n  </dependencies>\n</project>\n',
    'src/main/java/org/example/clinic/ClinicApplication.java': 'package org.example.clinic;\n\n@SpringBootApplication\npublic class ClinicApplication {}\n',
    'src/main/resources/application-mysql.properties': 'spring.datasource.url=jdbc:mysql://mysql/clinic\n',
    'src/main/resources/application-postgres.properties': 'spring.datasource.url=jdbc:postgresql://postgres/clinic\n',
    'Dockerfile': 'FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\nEXPOSE 8080\n',
    'docker-compose.yml': 'services:\n  mysql:\n    image: mysql:9.1\n  postgres:\n    image: postgres:17\n',
  }, (m) => (model = m));

  it('says it can keep its data in either, not that it keeps it in both', () => {
    const conclusion = render(model).split('section="conclusion"')[1] ?? '';
    assert.match(conclusion, /can keep its data in mysql and postgres; which of them holds it is a matter of configuration/);
    assert.doesNotMatch(conclusion, /It keeps its data in mysql/);
  });
});

describe('a Django app with a Redis its compose file calls broker', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-broker-', {
    'pyproject.toml': '[project]\nname = "papers"\ndependencies = ["django", "celery", "redis"]\n',
    'papers/__init__.py': '',
    'papers/celery.py': 'from celery import Celery\n\napp = Celery("papers")\n',
    'Dockerfile': 'FROM python:3.12\nCOPY . /app\nEXPOSE 8000\n',
    'docker-compose.yml': 'services:\n  broker:\n    image: valkey/valkey:8\n  webserver:\n    build: .\n    environment:\n      PAPERLESS_REDIS: redis://broker:6379\n',
  }, (m) => (model = m));

  it('is a message broker, not a database', () => {
    assert.equal(model.containers.find((c) => c.name === 'broker')?.kind, 'broker');
  });
});

describe('one image built from the backend at the root and the frontend beside it', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-one-image-', {
    'pyproject.toml': '[project]\nname = "recipes"\ndependencies = ["fastapi", "sqlalchemy", "psycopg2"]\n',
    'recipes/__init__.py': '',
    'recipes/app.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/api/recipes")\ndef recipes():\n    return []\n',
    'frontend/package.json': '{ "name": "recipes", "private": true, "dependencies": { "nuxt": "^3.12.0", "vue": "^3.4.0" } }\n',
    'frontend/pages/index.vue': '<template><div>recipes</div></template>\n',
    'docker/Dockerfile': 'FROM node:20 AS web\nCOPY ./frontend .\nRUN npm run generate\nFROM python:3.12\nCOPY ./pyproject.toml ./\nCOPY ./recipes /app/recipes\nEXPOSE 9000\n',
    'docker/docker-compose.yml': 'services:\n  recipes:\n    build:\n      context: ../\n      dockerfile: ./docker/Dockerfile\n    environment:\n      POSTGRES_SERVER: postgres\n  postgres:\n    image: postgres:15\n',
  }, (m) => (model = m));

  it('the compose service is the backend the image runs, not the frontend that shares its name', () => {
    const root = model.containers.find((c) => c.path === '');
    assert.ok(root?.evidence.some((e) => e.file === 'docker/docker-compose.yml'), 'the root is the compose service');
    const frontend = model.containers.find((c) => c.path === 'frontend');
    assert.ok(!frontend?.evidence.some((e) => e.file === 'docker/docker-compose.yml'), 'the frontend is not');
  });
});

describe('a Python library that calls web APIs with aiohttp', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-aiohttp-', {
    'pyproject.toml': '[project]\nname = "weatherkit"\ndescription = "Async client for a weather API"\ndependencies = ["aiohttp>=3.9"]\n',
    'weatherkit/__init__.py': 'from .client import Client\n',
    'weatherkit/client.py': 'import aiohttp\n\n\nclass Client:\n    async def forecast(self, city: str) -> dict:\n        async with aiohttp.ClientSession() as s:\n            async with s.get(f"https://api.example.com/{city}") as r:\n                return await r.json()\n',
  }, (m) => (model = m));

  it('is no web service: aiohttp is its HTTP client', () => {
    assert.equal(model.technologies.find((t) => t.id === 'aiohttp')?.category, 'http-client');
    const root = model.containers.find((c) => c.path === '');
    assert.ok(root && root.kind !== 'service', `kind is ${root?.kind}`);
  });
});

describe('services that send their telemetry to a collector, and a mobile app beside the web frontend', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-telemetry-', {
    'web/package.json': '{ "name": "web", "private": true, "dependencies": { "next": "14.2.0", "react": "18.3.0" } }\n',
    'web/app/page.tsx': 'export default function Page() { return <main>shop</main>; }\n',
    'web/Dockerfile': 'FROM node:20\nCOPY . .\nEXPOSE 3000\nCMD ["npm", "start"]\n',
    'mobile/package.json': '{ "name": "mobile", "private": true, "dependencies": { "expo": "~51.0.0", "react": "18.3.0", "react-native": "0.74.0" } }\n',
    'mobile/App.tsx': `${'export const screen = () => null;\n'.repeat(20)}export default function App() { return null; }\n`,
    'mobile/Gemfile': "source 'https://rubygems.org'\n\ngem 'cocoapods', '1.15.2'\ngem 'nkf'\n",
    'mobile/ios/scripts/pods.rb': 'def pod_setting(name)\n  puts name\nend\n',
    'cart/go.mod': 'module example.com/cart\n\ngo 1.22\n',
    'cart/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
    'cart/Dockerfile': 'FROM golang:1.22\nCOPY . .\nRUN go build -o /cart\nEXPOSE 8080\nCMD ["/cart"]\n',
    'compose.yaml': [
      'services:',
      '  web:',
      '    build: ./web',
      '    ports: ["3000:3000"]',
      '    depends_on: [cart, otel-collector]',
      '  cart:',
      '    build: ./cart',
      '    depends_on: [otel-collector]',
      '    environment:',
      '      OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317',
      '  otel-collector:',
      '    image: ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.110.0',
      '    depends_on: [jaeger]',
      '  jaeger:',
      '    image: quay.io/jaegertracing/jaeger:2.0.0',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('the collector and the tracing backend are monitoring, not services of the system', () => {
    assert.equal(model.containers.find((c) => c.name === 'otel-collector')?.kind, 'monitoring');
    assert.equal(model.containers.find((c) => c.name === 'jaeger')?.kind, 'monitoring');
  });

  it('telemetry is sent, not a step of the main paths', () => {
    const flow = render(model).split('section="data-flow"')[1] ?? '';
    assert.match(flow, /\*\*cart\*\* serves requests and sends telemetry to otel-collector|\*\*cart\*\* runs as a service and sends telemetry to otel-collector/);
    assert.match(flow, /\*\*web\*\* → \*\*cart\*\*/);
    assert.doesNotMatch(flow, /→ \*\*otel-collector\*\*|→ \*\*jaeger\*\*/);
  });

  it('a CocoaPods Gemfile does not make the app Ruby', () => {
    assert.equal(model.containers.find((c) => c.path === 'mobile')?.language, 'TypeScript');
  });

  it('users reach the Expo app on their phones, not in the browser', () => {
    const flow = render(model).split('section="data-flow"')[1] ?? '';
    assert.match(flow, /\*\*mobile\*\* as a mobile app \(`mobile\/package\.json`\)/);
    assert.match(flow, /\*\*web\*\* in the browser/);
  });
});

describe('a serverless stack whose template deploys the functions below it, and a shared layer kept in src/', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-sam-stack-', {
    'booking/pyproject.toml': '[tool.poetry]\nname = "booking"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nboto3 = "^1.34"\n\n[tool.poetry.dev-dependencies]\npytest = "^8.0"\n',
    'booking/template.yaml': [
      'AWSTemplateFormatVersion: 2010-09-09',
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  ConfirmBooking:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: src/confirm-booking',
      '      Handler: confirm.lambda_handler',
      '      Runtime: python3.12',
      '  CancelBooking:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: src/cancel-booking',
      '      Handler: cancel.lambda_handler',
      '      Runtime: python3.12',
      '',
    ].join('\n'),
    'booking/src/confirm-booking/requirements.txt': 'boto3\n',
    'booking/src/confirm-booking/confirm.py': 'import boto3\n\n\ndef lambda_handler(event, context):\n    return {"ok": True}\n',
    'booking/src/cancel-booking/requirements.txt': 'boto3\n',
    'booking/src/cancel-booking/cancel.py': 'def lambda_handler(event, context):\n    return {"ok": True}\n',
    'shared/libs/template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  SharedLibs:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: src/\n',
    'shared/libs/src/requirements.txt': 'requests\n',
    'shared/libs/src/process_booking/__init__.py': 'import requests\n',
  }, (m) => (model = m));

  it('the stack folder is the application its functions make up, not a library', () => {
    assert.equal(model.containers.find((c) => c.path === 'booking')?.kind, 'application');
    assert.equal(model.containers.find((c) => c.path === 'booking/src/confirm-booking')?.kind, 'function');
  });

  it('a part in a folder named src is named by the folder that holds it', () => {
    assert.equal(model.containers.find((c) => c.path === 'shared/libs/src')?.name, 'libs');
  });
});

describe('a Rust highlighter whose tests hold sample files of other languages and tools', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-samples-', {
    'Cargo.toml': '[package]\nname = "hl"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nclap = "4"\n',
    'src/main.rs': 'fn main() {\n    println!("hl");\n}\n',
    'tests/syntax-tests/source/Dockerfile/Dockerfile': 'FROM alpine:3.19\nRUN echo hi\n',
    'tests/syntax-tests/source/Terraform/main.tf': 'provider "github" {}\nresource "github_repository" "r" {\n  name = "x"\n}\n',
    'tests/syntax-tests/source/Requirements.txt/requirements.txt': 'click==8.1.7\nJinja2==3.1.4\n',
    'tests/syntax-tests/source/JavaScript/test.js': `${'const a = 1;\n'.repeat(400)}`,
    'tests/integration.rs': 'fn run() {}\n',
  }, (m) => (model = m));

  it('the samples are neither its tools nor its languages', () => {
    const ids = model.technologies.filter((t) => t.scope !== 'example').map((t) => t.id);
    for (const trap of ['docker', 'terraform', 'click', 'jinja']) assert.ok(!ids.includes(trap), `${trap} is a sample`);
    assert.deepEqual(model.languages.filter((l) => l.share > 0).map((l) => l.name), ['Rust']);
  });
});

describe('a Python package whose tests declare their own requirements', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-test-reqs-', {
    'pyproject.toml': '[project]\nname = "calc"\ndependencies = ["attrs"]\n',
    'calc/__init__.py': 'import attrs\n',
    'tests/requirements.txt': 'pytest==8.2.0\n',
    'tests/test_calc.py': 'import calc\n\n\ndef test_it():\n    assert calc\n',
  }, (m) => (model = m));

  it('keeps the test runner as a development tool', () => {
    assert.equal(model.technologies.find((t) => t.id === 'pytest')?.scope, 'dev');
  });
});

describe('a Spring gateway serving static pages, and a database image seeded with scripts', () => {
  let model: ArchitectureModel;
  const minified = `!function(a){${'var b=a.fn,c=function(d){return d*2};'.repeat(800)}}(jQuery);\n`;
  analyzed('archmd-precision-gateway-', {
    'gateway/pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>gateway</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
    'gateway/src/main/java/com/acme/gateway/GatewayApplication.java': 'package com.acme.gateway;\n\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class GatewayApplication {\n  public static void main(String[] args) {}\n}\n',
    'gateway/src/main/resources/static/js/app.js': `${'function render(x) { return document.body.append(String(x)); }\n'.repeat(120)}`,
    'gateway/src/main/resources/static/js/lib/extrascripts.js': minified,
    'gateway/Dockerfile': 'FROM eclipse-temurin:17\nCOPY target/gateway.jar /app.jar\nEXPOSE 4000\nCMD ["java", "-jar", "/app.jar"]\n',
    'mongodb/Dockerfile': 'FROM mongo:5\nCOPY *.js /docker-entrypoint-initdb.d/\n',
    'mongodb/catalogue.js': `${'db.products.insertOne({ sku: "x", price: 1 });\n'.repeat(50)}`,
    'docker-compose.yml': 'services:\n  gateway:\n    build: gateway\n    ports: ["80:4000"]\n    environment:\n      MONGO_URL: mongodb://mongodb:27017/shop\n  mongodb:\n    build: mongodb\n',
  }, (m) => (model = m));

  it('the gateway is Java; the minified library counts for no language', () => {
    assert.equal(model.containers.find((c) => c.path === 'gateway')?.language, 'Java');
    const js = model.languages.find((l) => l.name === 'JavaScript');
    assert.ok(!js || js.bytes < 10_000, `JavaScript counted ${js?.bytes} bytes`);
  });

  it('a folder that builds FROM mongo with seed scripts is the database, not a JavaScript service', () => {
    const mongo = model.containers.find((c) => c.path === 'mongodb');
    assert.equal(mongo?.kind, 'datastore');
  });
});

describe('microservices where compose publishes only the web tier', () => {
  let model: ArchitectureModel;
  const node = (name: string) => ({
    [`${name}/package.json`]: `{ "name": "${name}", "private": true, "dependencies": { "express": "^4.19.0" } }\n`,
    [`${name}/server.js`]: 'const express = require("express");\nconst app = express();\napp.get("/health", (req, res) => res.send("ok"));\napp.listen(8080);\n',
    [`${name}/Dockerfile`]: 'FROM node:20\nCOPY . .\nEXPOSE 8080\nCMD ["node", "server.js"]\n',
  });
  analyzed('archmd-precision-published-', {
    ...node('web'),
    ...node('cart'),
    ...node('dispatch'),
    'load-gen/requirements.txt': 'locust==2.29.0\n',
    'load-gen/robot-shop.py': 'from locust import HttpUser, task\n\n\nclass UserBehavior(HttpUser):\n    @task\n    def home(self):\n        self.client.get("/")\n',
    'load-gen/Dockerfile': 'FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["locust", "-f", "robot-shop.py"]\n',
    'docker-compose.yaml': 'services:\n  web:\n    build: web\n    ports: ["8080:8080"]\n    depends_on: [cart]\n  cart:\n    build: cart\n  dispatch:\n    build: dispatch\n  load:\n    build: load-gen\n    depends_on: [web]\n',
    'dispatch/docker-compose.yaml': 'services:\n  dispatch:\n    build: .\n    ports: ["8081:8080"]\n',
    'docker-compose.dev.yaml': 'services:\n  cart:\n    ports: ["8082:8080"]\n',
  }, (m) => (model = m));

  it('users reach the service the main compose file publishes, and only it', () => {
    const flow = render(model).split('section="data-flow"')[1] ?? '';
    const users = /User Interaction\*\*: (.*)/.exec(flow)?.[1] ?? '';
    assert.match(users, /\*\*web\*\* over HTTP/);
    assert.doesNotMatch(users, /\*\*cart\*\*|\*\*dispatch\*\*/);
    assert.ok(model.containers.find((c) => c.name === 'web')?.exposedBy?.some((e) => e.file === 'docker-compose.yaml'));
  });

  it('the Locust load generator belongs with the tests', () => {
    assert.equal(model.containers.find((c) => c.path === 'load-gen')?.role, 'test');
  });
});

describe('a Next.js app with its own database, an analytics store client and a Kafka producer', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-fullstack-', {
    'package.json': '{ "name": "umami", "private": true, "dependencies": { "next": "15.0.0", "react": "19.0.0", "react-dom": "19.0.0", "@prisma/client": "6.0.0", "@clickhouse/client": "1.0.0", "kafkajs": "2.2.4" } }\n',
    'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
    'src/app/page.tsx': 'export default function Page() { return <main>stats</main>; }\n',
    'src/app/api/send/route.ts': 'import { saveEvent } from "../../../lib/events";\n\nexport async function POST(req: Request) {\n  await saveEvent(await req.json());\n  return Response.json({ ok: true });\n}\n',
    'src/lib/events.ts': 'import { PrismaClient } from "@prisma/client";\nimport { createClient } from "@clickhouse/client";\nimport { Kafka } from "kafkajs";\n\nconst prisma = new PrismaClient();\nconst clickhouse = createClient({ url: process.env.CLICKHOUSE_URL });\nconst producer = new Kafka({ brokers: [process.env.KAFKA_BROKER ?? ""] }).producer();\n\nexport async function saveEvent(e: unknown) {\n  if (process.env.CLICKHOUSE_URL) return clickhouse.insert({ table: "events", values: [e] });\n  await producer.send({ topic: "events", messages: [{ value: JSON.stringify(e) }] });\n  return prisma.$executeRaw`select 1`;\n}\n',
    'Dockerfile': 'FROM node:20\nCOPY . .\nEXPOSE 3000\nCMD ["npm", "start"]\n',
    'docker-compose.yml': 'services:\n  umami:\n    image: ghcr.io/umami-software/umami:latest\n    ports: ["3000:3000"]\n    environment:\n      DATABASE_URL: postgresql://umami:umami@db:5432/umami\n  db:\n    image: postgres:15-alpine\n',
  }, (m) => (model = m));

  it('is the web application, server included, and users reach it in the browser', () => {
    assert.equal(model.containers.find((c) => c.path === '')?.kind, 'service');
    assert.match(render(model), /users reach \*\*umami\*\* in the browser/);
  });

  it('its own published image is the project, not a third-party product of the same name', () => {
    assert.ok(!model.technologies.some((t) => t.id === 'umami'));
  });

  it('the database it runs and the analytics store a driver shows are not one choice', () => {
    const doc = render(model);
    assert.doesNotMatch(doc, /one of them holds the data|which of them holds it/);
  });

  it('one part alone sends messages; it exchanges none with other parts', () => {
    const conclusion = render(model).split('section="conclusion"')[1] ?? '';
    assert.match(conclusion, /It sends messages through Apache Kafka\./);
    assert.doesNotMatch(conclusion, /exchange messages/);
  });
});

describe('a Maven build of two Spring Boot apps and the shared modules they depend on', () => {
  let model: ArchitectureModel;
  const pom = (artifact: string, deps: string[], extra = '') =>
    `<project><modelVersion>4.0.0</modelVersion><parent><groupId>com.macro</groupId><artifactId>mall</artifactId><version>1.0</version></parent><artifactId>${artifact}</artifactId>${extra}<dependencies>${deps.map((d) => `<dependency><groupId>${d.split(':')[0]}</groupId><artifactId>${d.split(':')[1]}</artifactId></dependency>`).join('')}</dependencies></project>\n`;
  analyzed('archmd-precision-jvm-libs-', {
    'pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>com.macro</groupId><artifactId>mall</artifactId><version>1.0</version><packaging>pom</packaging><modules><module>mall-common</module><module>mall-admin</module><module>mall-portal</module></modules></project>\n',
    'mall-common/pom.xml': pom('mall-common', ['org.springframework.boot:spring-boot-starter-web', 'org.springframework.boot:spring-boot-starter-data-redis']),
    'mall-common/src/main/java/com/macro/mall/common/RedisService.java': 'package com.macro.mall.common;\n\nimport org.springframework.stereotype.Service;\n\n@Service\npublic class RedisService {\n  public Object get(String key) { return null; }\n}\n',
    'mall-admin/pom.xml': pom('mall-admin', ['com.macro:mall-common', 'org.springframework.boot:spring-boot-starter-web']),
    'mall-admin/src/main/java/com/macro/mall/MallAdminApplication.java': 'package com.macro.mall;\n\nimport com.macro.mall.common.RedisService;\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class MallAdminApplication {\n  public static void main(String[] args) {\n    SpringApplication.run(MallAdminApplication.class, args);\n  }\n}\n',
    'mall-portal/pom.xml': pom('mall-portal', ['com.macro:mall-common', 'org.springframework.boot:spring-boot-starter-web']),
    'mall-portal/src/main/java/com/macro/mall/portal/MallPortalApplication.java': 'package com.macro.mall.portal;\n\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class MallPortalApplication {\n  public static void main(String[] args) {}\n}\n',
  }, (m) => (model = m));

  it('the module with no main class is a library; the Boot applications are services', () => {
    assert.equal(model.containers.find((c) => c.path === 'mall-common')?.kind, 'library');
    assert.equal(model.containers.find((c) => c.path === 'mall-admin')?.kind, 'service');
    assert.equal(model.containers.find((c) => c.path === 'mall-portal')?.kind, 'service');
  });
});

describe('an Android app built from feature modules and convention plugins', () => {
  let model: ArchitectureModel;
  const lib = (path: string) => ({
    [`${path}/build.gradle.kts`]: 'plugins {\n    alias(libs.plugins.nowinandroid.android.library)\n}\n',
    [`${path}/src/main/kotlin/com/acme/${path.replace(/\//g, '_')}/Api.kt`]: `package com.acme.${path.replace(/\//g, '_')}\n\ninterface Api\n`,
  });
  analyzed('archmd-precision-android-', {
    'settings.gradle.kts': 'pluginManagement {\n    includeBuild("build-logic")\n}\nrootProject.name = "nowinandroid"\ninclude(":app")\ninclude(":feature:foryou:api")\ninclude(":feature:topic:api")\n',
    'build.gradle.kts': 'plugins {\n    alias(libs.plugins.android.application) apply false\n}\n',
    'gradle/libs.versions.toml': '[versions]\nandroidGradlePlugin = "8.5.0"\n\n[libraries]\nandroidx-core-ktx = { group = "androidx.core", name = "core-ktx", version = "1.13.1" }\n\n[plugins]\nandroid-application = { id = "com.android.application", version.ref = "androidGradlePlugin" }\n',
    'app/build.gradle.kts': 'import com.acme.FlavorDimension\n\nplugins {\n    alias(libs.plugins.nowinandroid.android.application)\n}\n\ndependencies {\n    implementation(projects.feature.foryou.api)\n    implementation(libs.androidx.core.ktx)\n    implementation("com.squareup.retrofit2:retrofit:2.11.0")\n}\n',
    'app/src/main/AndroidManifest.xml': '<manifest xmlns:android="http://schemas.android.com/apk/res/android"><application><activity android:name=".MainActivity"><intent-filter><action android:name="android.intent.action.MAIN" /><category android:name="android.intent.category.LAUNCHER" /></intent-filter></activity></application></manifest>\n',
    'app/src/main/kotlin/com/acme/MainActivity.kt': 'package com.acme\n\nimport com.acme.feature_foryou_api.Api\n\nclass MainActivity\n',
    ...lib('feature/foryou/api'),
    ...lib('feature/topic/api'),
    'build-logic/convention/build.gradle.kts': 'plugins {\n    `kotlin-dsl`\n}\n',
    'build-logic/convention/src/main/kotlin/com/acme/FlavorDimension.kt': 'package com.acme\n\nenum class FlavorDimension { contentType }\n',
  }, (m) => (model = m));

  it('is a mobile application users reach on their phones, not a set of libraries', () => {
    assert.equal(model.containers.find((c) => c.path === 'app')?.kind, 'application');
    assert.deepEqual(model.system.style.map((s) => s.value).filter((v) => v !== 'Monorepo'), ['Mobile application']);
    assert.match(render(model), /users reach \*\*app\*\* as a mobile app/);
  });

  it('the build logic is tooling, and a build script import is no code dependency', () => {
    assert.ok(!model.containers.some((c) => c.path === 'build-logic/convention' && c.role === 'main'));
    assert.ok(!model.relationships.some((r) => r.to.includes('build-logic')));
  });

  it('its HTTP client is the app\'s, not a backend', () => {
    const stack = render(model).split('section="technology-stack"')[1] ?? '';
    assert.match(stack, /Frontend\*\*: [^\n]*Retrofit/);
    assert.doesNotMatch(stack, /Backend\*\*: [^\n]*Retrofit/);
  });

  it('modules that share a folder name are told apart by the folder above', () => {
    const names = model.containers.filter((c) => c.path?.startsWith('feature/')).map((c) => c.name).sort();
    assert.deepEqual(names, ['foryou/api', 'topic/api']);
  });
});

describe('a dev container whose compose file builds the repository root', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-devcontainer-', {
    'pyproject.toml': '[tool.ruff]\nline-length = 120\n',
    'src/backend/pyproject.toml': '[project]\nname = "fastapi_app"\ndependencies = ["fastapi", "asyncpg"]\n',
    'src/backend/fastapi_app/__init__.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/chat")\ndef chat():\n    return {}\n',
    'scripts/setup.py': 'print("setup")\n',
    'requirements-dev.txt': '-r src/backend/requirements.txt\nruff\npre-commit\n',
    'locustfile.py': 'from locust import HttpUser\n\n\nclass ChatUser(HttpUser):\n    pass\n',
    '.devcontainer/docker-compose.yaml': 'services:\n  app:\n    build:\n      context: ..\n      dockerfile: .devcontainer/Dockerfile\n    volumes:\n      - ..:/workspace:cached\n  db:\n    image: pgvector/pgvector:pg16\n',
    '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/python:3.12\n',
  }, (m) => (model = m));

  it('states no part it has no evidence for', () => {
    for (const c of model.containers) assert.ok(c.evidence.length > 0, `${c.id} has evidence`);
    assert.ok(!model.containers.some((c) => c.path === '' && c.role === 'main'), 'the root holds only tool settings');
  });
});

describe('a Rust workspace where one crate uses hyper and another only tests with it', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-dev-deps-', {
    'Cargo.toml': '[workspace]\nmembers = ["web", "core"]\n',
    'web/Cargo.toml': '[package]\nname = "web"\nversion = "0.1.0"\n\n[dependencies]\nhyper = "1"\ncore = { path = "../core" }\n',
    'web/src/lib.rs': 'use core::Body;\n\npub fn serve() {}\n',
    'core/Cargo.toml': '[package]\nname = "core"\nversion = "0.1.0"\n\n[dependencies]\nbytes = "1"\n\n[dev-dependencies]\nhyper = "1"\n',
    'core/src/lib.rs': 'pub struct Body;\n',
  }, (m) => (model = m));

  it('hyper is the stack of the crate that depends on it, not of the one that tests with it', () => {
    const hyper = model.technologies.find((t) => t.id === 'hyper');
    assert.equal(hyper?.scope, 'runtime');
    assert.ok(model.containers.find((c) => c.path === 'web')?.technologies.includes('hyper'));
    assert.ok(!model.containers.find((c) => c.path === 'core')?.technologies.includes('hyper'));
  });
});

describe('a Go library with a doc package that generates documentation', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-go-doc-', {
    'go.mod': 'module github.com/spf13/cobra\n\ngo 1.21\n',
    'command.go': 'package cobra\n\ntype Command struct{ Use string }\n',
    'doc/man_docs.go': 'package doc\n\nimport "github.com/spf13/cobra"\n\nfunc GenMan(cmd *cobra.Command) string { return cmd.Use }\n',
    'doc/README.md': '# Documentation generation\n\nGenerate man pages and markdown from commands.\n',
  }, (m) => (model = m));

  it('the doc package is a module of the code, and the document does not deny it', () => {
    assert.ok(model.components.some((c) => c.path === 'doc'), JSON.stringify(model.components.map((c) => c.path)));
    assert.doesNotMatch(render(model), /no internal modules/);
  });
});

describe('a web app that keeps its data in SQLite', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-sqlite-', {
    'pyproject.toml': '[project]\nname = "notes"\ndependencies = ["fastapi", "aiosqlite"]\n',
    'notes/__init__.py': '',
    'notes/app.py': 'import aiosqlite\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/notes")\nasync def notes():\n    async with aiosqlite.connect("notes.db") as db:\n        return await db.execute_fetchall("select * from notes")\n',
  }, (m) => (model = m));

  it('says the database is embedded, not reached through a client library', () => {
    const flow = render(model).split('section="data-flow"')[1] ?? '';
    assert.match(flow, /Storage\*\*: in SQLite \(`pyproject\.toml`\), embedded in the process/);
    assert.doesNotMatch(flow, /client libraries for SQLite/);
  });
});

describe('a backend image that builds the frontend in a first stage and serves it', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-served-frontend-', {
    'backend/pyproject.toml': '[project]\nname = "app"\ndependencies = ["fastapi", "sqlmodel", "psycopg"]\n',
    'backend/app/__init__.py': '',
    'backend/app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/api/v1/items")\ndef items():\n    return []\n',
    'backend/Dockerfile': 'FROM oven/bun:1 AS frontend-build\nWORKDIR /app/frontend\nCOPY ./frontend /app/frontend\nRUN bun run build\n\nFROM python:3.12\nCOPY ./backend/app /app/backend/app\nCOPY --from=frontend-build /app/frontend/dist /app/backend/app/frontend\nEXPOSE 8000\nCMD ["fastapi", "run"]\n',
    'frontend/package.json': '{ "name": "frontend", "private": true, "dependencies": { "react": "19.0.0", "react-dom": "19.0.0", "@tanstack/react-router": "1.0.0" } }\n',
    'frontend/src/main.tsx': 'import React from "react";\nexport const App = () => null;\n',
    'compose.yml': 'services:\n  backend:\n    build:\n      context: .\n      dockerfile: backend/Dockerfile\n    ports: ["8000:8000"]\n    environment:\n      POSTGRES_SERVER: db\n  db:\n    image: postgres:17\n',
  }, (m) => (model = m));

  it('is one application whose backend serves the pages, not a monolith with a separate frontend', () => {
    assert.deepEqual(model.system.style.map((s) => s.value).filter((v) => v !== 'Monorepo'), ['Monolith']);
    assert.equal(model.containers.find((c) => c.path === 'frontend')?.servedBy?.id, model.containers.find((c) => c.path === 'backend')?.id);
    assert.match(render(model), /users reach \*\*frontend\*\* in the browser, served by \*\*backend\*\* \(`backend\/Dockerfile`\)/);
  });
});

describe('an Azure app whose Bicep provisions PostgreSQL, with another PostgreSQL in its dev container', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-bicep-', {
    'src/backend/pyproject.toml': '[project]\nname = "fastapi_app"\ndependencies = ["fastapi", "asyncpg", "sqlalchemy"]\n',
    'src/backend/fastapi_app/__init__.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.post("/chat")\ndef chat():\n    return {}\n',
    'src/backend/Dockerfile': 'FROM python:3.12\nCOPY . .\nEXPOSE 8000\nCMD ["uvicorn", "fastapi_app:app"]\n',
    'azure.yaml': 'name: rag\nservices:\n  web:\n    project: ./src/backend\n    language: py\n    host: containerapp\n',
    'infra/main.bicep': "resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-03-01-preview' = {\n  name: 'pg'\n  location: location\n}\nresource app 'Microsoft.App/containerApps@2024-03-01' = {\n  name: 'web'\n}\n",
    '.devcontainer/docker-compose.yaml': 'services:\n  db:\n    image: pgvector/pgvector:pg16\n',
  }, (m) => (model = m));

  it('the provisioned database is a store of the system, and the managed services are named', () => {
    assert.ok(model.containers.some((c) => c.kind === 'datastore' && c.role === 'main'), 'a main datastore');
    const managed = model.deployment.managedServices.map((m) => m.value);
    assert.ok(managed.includes('Azure Database for PostgreSQL'), managed.join());
  });
});

describe('a repository with many housekeeping workflows and one that tests', () => {
  let model: ArchitectureModel;
  const chores = Object.fromEntries(
    ['add-to-project', 'conflicts', 'issue-manager', 'labeler', 'latest-changes', 'lock', 'stale', 'welcome', 'smokeshow'].map((n) => [
      `.github/workflows/${n}.yml`,
      `name: ${n}\non: [issues]\njobs:\n  ${n}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/github-script@v7\n`,
    ]),
  );
  analyzed('archmd-precision-workflows-', {
    'pyproject.toml': '[project]\nname = "app"\ndependencies = ["fastapi"]\n',
    'app/__init__.py': '',
    ...chores,
    '.github/workflows/test-backend.yml': 'name: Test Backend\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pytest\n',
  }, (m) => (model = m));

  it('lists the pipeline that tests before the chores, so it survives the cut', () => {
    const deployment = render(model).split('section="deployment-architecture"')[1] ?? '';
    assert.match(deployment, /GitHub Actions: Test Backend \(`\.github\/workflows\/test-backend\.yml`: test\)/);
  });
});

describe('a compose service whose Dockerfile copies the one sub-project in its folder', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-subproject-', {
    'ratings/Dockerfile': 'FROM php:8.2-apache\nCOPY html/ /var/www/html\nEXPOSE 80\n',
    'ratings/html/composer.json': '{ "name": "robotshop/ratings", "require": { "symfony/framework-bundle": "^6.4", "monolog/monolog": "^3.0" } }\n',
    'ratings/html/src/Controller/RatingsApiController.php': '<?php\nnamespace App\\Controller;\n\nuse Symfony\\Component\\Routing\\Attribute\\Route;\n\nclass RatingsApiController\n{\n    #[Route(\'/api/fetch/{sku}\', methods: [\'GET\'])]\n    public function get(string $sku)\n    {\n        return $this->json([]);\n    }\n}\n',
    'docker-compose.yaml': 'services:\n  ratings:\n    build:\n      context: ratings\n    environment:\n      PDO_URL: mysql:host=mysql;dbname=ratings\n    depends_on: [mysql]\n  mysql:\n    image: mysql:8\n',
  }, (m) => (model = m));

  it('is one service, with its code and its database, not a code half and a runtime half', () => {
    const parts = model.containers.filter((c) => c.role === 'main' && !['datastore'].includes(c.kind));
    assert.deepEqual(parts.map((c) => `${c.name} ${c.path}`), ['ratings ratings/html']);
  });
});

describe('a Python function deployed with the Serverless Framework, beside an npm-init package.json', () => {
  let model: ArchitectureModel;
  analyzed('archmd-precision-npm-init-', {
    'package.json': '{ "name": "serverless-flask", "version": "1.0.0", "main": "index.js", "devDependencies": { "serverless-wsgi": "^3.0.0" } }\n',
    'serverless.yml': 'service: serverless-flask\nprovider:\n  name: aws\n  runtime: python3.12\nfunctions:\n  app:\n    handler: wsgi.handler\n    events:\n      - http: ANY /\n',
    'app.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.route("/")\ndef index():\n    return "hi"\n',
    'requirements.txt': 'flask==3.0.3\n',
    'lib/client/package.json': '{ "name": "client", "main": "src/index.js" }\n',
    'lib/client/src/index.ts': 'export const x = 1;\n',
  }, (m) => (model = m));

  it('names no entry point the repository does not have', () => {
    const all = model.containers.flatMap((c) => c.entryPoints ?? []).map((e) => e.value);
    assert.ok(!all.includes('main: index.js'), all.join());
    assert.ok(all.includes('main: src/index.js'), 'a main built from a TypeScript source stays');
  });
});

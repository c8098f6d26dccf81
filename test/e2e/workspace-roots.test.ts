/**
 * Workspace roots and the project's own name, on the traps real monorepos set: a private root that only holds
 * the tooling (trpc, langfuse, cloudflare/templates), a member's config file that extends the root's, an npm
 * dependency on the published package named like the private root, the project's own image in its compose
 * file, and the snippets a documentation site includes (fastapi's docs_src).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const part = (model: ArchitectureModel, path: string) => model.containers.find((c) => c.path === path);
const json = (value: unknown) => JSON.stringify(value, null, 1);

describe('a pnpm workspace whose private root installs the tests\' Express and extends nothing of its own', () => {
  let model: ArchitectureModel;
  analyzed('archmd-wsroot-trpc-', {
    'package.json': JSON.stringify({ name: 'root', private: true, scripts: { build: 'turbo build', test: 'vitest' }, dependencies: { express: '^5.0.0', zod: '^4.2.1', turbo: '^2.5.4', vitest: '^4.0.18' } }, null, 2),
    'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
    'vitest.config.ts': "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { globals: true } });\n",
    'scripts/version.ts': "import fs from 'node:fs';\n\nfs.writeFileSync('version.txt', '1');\n",
    'packages/server/package.json': JSON.stringify({ name: '@acme/server', version: '1.0.0', main: './dist/index.js', exports: './dist/index.js', types: './dist/index.d.ts' }, null, 2),
    'packages/server/src/index.ts': "export function router() {\n  return {};\n}\n",
    'packages/server/vitest.config.ts': "import { defineConfig, mergeConfig } from 'vitest/config';\nimport base from '../../vitest.config';\n\nexport default mergeConfig(base, defineConfig({}));\n",
    'packages/client/package.json': JSON.stringify({ name: '@acme/client', version: '1.0.0', main: './dist/index.js', exports: './dist/index.js', types: './dist/index.d.ts', dependencies: { '@acme/server': 'workspace:*' } }, null, 2),
    'packages/client/src/index.ts': "import { router } from '@acme/server';\n\nexport const client = router();\n",
    'packages/client/vitest.config.ts': "import { defineConfig, mergeConfig } from 'vitest/config';\nimport base from '../../vitest.config';\n\nexport default mergeConfig(base, defineConfig({}));\n",
  }, (m) => (model = m));

  it('makes no part of the root, and claims no service, Express or monolith for it', () => {
    assert.equal(part(model, ''), undefined, json(part(model, '')));
    assert.ok(!model.containers.some((c) => c.kind === 'service'), json(model.containers.map((c) => [c.name, c.kind])));
    const doc = render(model);
    assert.doesNotMatch(doc, /Monolith/);
    assert.doesNotMatch(doc, /Backend\*\*: Express|Runtime\*\*: Express/);
  });

  it('draws no dependency from a member to the root for the vitest config it extends', () => {
    assert.ok(!model.relationships.some((r) => r.to === 'container:root'), json(model.relationships));
    assert.ok(model.relationships.some((r) => r.from === 'container:packages-client' && r.to === 'container:packages-server'), json(model.relationships));
  });
});

describe('a private npm root with only development tools beside services in other languages', () => {
  let model: ArchitectureModel;
  analyzed('archmd-wsroot-devtools-', {
    'package.json': JSON.stringify({ name: 'opentelemetry-demo', private: true, devDependencies: { 'markdownlint-cli': '^0.49.1' } }, null, 2),
    'pb/demo.proto': 'syntax = "proto3";\n\npackage demo;\n\nservice CartService {\n  rpc GetCart (GetCartRequest) returns (Cart) {}\n}\n\nmessage GetCartRequest { string user_id = 1; }\nmessage Cart { string user_id = 1; }\n',
    'src/shared/tools.py': 'def helper():\n    return 1\n',
    'src/currency/Dockerfile': 'FROM alpine:3.20 AS builder\nCOPY . /currency\nRUN make -C /currency\nFROM alpine:3.20\nCOPY --from=builder /currency/out /usr/local/bin/currency\nEXPOSE 7001\nENTRYPOINT ["currency"]\n',
    'src/currency/src/server.cpp': 'int main() { return 0; }\n',
    'src/currency/src/logger.h': '#pragma once\n',
    'src/currency/src/tracer.h': '#pragma once\n',
    'src/currency/src/meter.h': '#pragma once\n',
    'src/quote/Dockerfile': 'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
    'src/quote/requirements.txt': 'flask==3.0.0\n',
    'src/quote/main.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.route("/quote")\ndef quote():\n    return "1"\n',
  }, (m) => (model = m));

  it('is no part: the C++ service a Dockerfile makes is not the root\'s code', () => {
    assert.equal(part(model, ''), undefined, json(part(model, '')));
    assert.ok(part(model, 'src/currency'), json(model.containers.map((c) => c.path)));
  });
});

describe('a turbo workspace named like the published SDK its members install, whose compose file runs its own image', () => {
  let model: ArchitectureModel;
  analyzed('archmd-wsroot-langfuse-', {
    'README.md': '# Langfuse\n\nLangfuse is an open source LLM engineering platform.\n',
    'package.json': JSON.stringify({ name: 'langfuse', version: '4.16.0', private: true, scripts: { start: 'turbo run start', dev: 'turbo run dev' }, devDependencies: { turbo: '^2.5.0', prettier: '^3.0.0' } }, null, 2),
    'pnpm-workspace.yaml': "packages:\n  - 'web'\n  - 'worker'\n",
    'turbo.json': '{ "tasks": { "build": {} } }\n',
    '.env.prod.example': 'DATABASE_URL=postgresql://postgres:postgres@localhost:5432/postgres\nREDIS_CONNECTION_STRING=redis://localhost:6379\n',
    '.agents/setup': '#!/usr/bin/env bash\nset -euo pipefail\npnpm install\n',
    '.agents/resume': '#!/usr/bin/env bash\nset -euo pipefail\npnpm dev\n',
    'vitest.workspace.ts': "export default ['web', 'worker'];\n",
    'web/package.json': JSON.stringify({ name: 'web', version: '4.16.0', private: true, scripts: { start: 'next start' }, dependencies: { next: '^15.0.0', react: '^19.0.0', langfuse: '3.38.4', pg: '^8.0.0' } }, null, 2),
    'web/Dockerfile': 'FROM node:24\nCOPY . /app\nRUN npm run build\nCMD ["npm", "start"]\n',
    'web/src/pages/index.tsx': "import { Langfuse } from 'langfuse';\n\nconst langfuse = new Langfuse();\n\nexport default function Home() {\n  return null;\n}\n",
    'web/src/server/db.ts': "import { Pool } from 'pg';\n\nexport const pool = new Pool();\n",
    'web/next.config.mjs': 'export default {};\n',
    'worker/package.json': JSON.stringify({ name: 'worker', version: '4.16.0', private: true, scripts: { start: 'node dist/index.js' }, dependencies: { express: '^5.0.0', langfuse: '3.38.4' } }, null, 2),
    'worker/Dockerfile': 'FROM node:24\nCOPY . /app\nCMD ["node", "/app/dist/index.js"]\n',
    'worker/src/index.ts': "import express from 'express';\nimport { Langfuse } from 'langfuse';\n\nconst app = express();\nnew Langfuse();\napp.listen(3030);\n",
    'docker-compose.yml': [
      'services:',
      '  langfuse-worker:',
      '    image: docker.io/langfuse/langfuse-worker:4',
      '    depends_on: [postgres]',
      '  langfuse-web:',
      '    image: docker.io/langfuse/langfuse:4',
      '    ports: ["3000:3000"]',
      '    depends_on: [postgres]',
      '  postgres:',
      '    image: postgres:17',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('makes no part of the turbo root', () => {
    assert.equal(part(model, ''), undefined, json(part(model, '')));
  });

  it('links no member to the root for the published SDK of the same name', () => {
    assert.ok(!model.relationships.some((r) => r.to === 'container:root' || r.technology === 'workspace'), json(model.relationships));
  });

  it('runs its own image as the web part, not as a monitoring store, and claims no Langfuse technology', () => {
    assert.ok(!model.containers.some((c) => c.kind === 'monitoring'), json(model.containers.map((c) => [c.name, c.kind, c.image])));
    assert.ok(part(model, 'web')?.evidence.some((e) => e.file === 'docker-compose.yml'), json(part(model, 'web')));
    assert.ok(!model.technologies.some((t) => t.id === 'langfuse'), json(model.technologies.map((t) => t.id)));
  });
});

describe('a workspace of Worker templates, one of them a single source file beside its wrangler.json', () => {
  let model: ArchitectureModel;
  analyzed('archmd-wsroot-templates-', {
    'package.json': JSON.stringify({ name: 'templates', dependencies: { 'node-fetch': '3.3.2' }, devDependencies: { turbo: '2.6.1', prettier: '3.7.4' } }, null, 2),
    'pnpm-workspace.yaml': 'packages:\n  - "./*-template"\n',
    'turbo.json': '{ "tasks": { "deploy": {} } }\n',
    'text-to-image-template/package.json': JSON.stringify({ name: 'text-to-image-template', private: true, scripts: { deploy: 'wrangler deploy', dev: 'wrangler dev' }, devDependencies: { typescript: '5.9.3', wrangler: '4.123.0' } }, null, 2),
    'text-to-image-template/wrangler.json': JSON.stringify({ name: 'text-to-image-template', main: 'src/index.ts', compatibility_date: '2025-04-01', ai: { binding: 'AI' } }, null, 2),
    'text-to-image-template/src/index.ts': 'export default {\n  async fetch(request: Request, env: { AI: { run(m: string, o: object): Promise<ArrayBuffer> } }) {\n    return new Response(await env.AI.run("model", { prompt: "cat" }));\n  },\n};\n',
    'd1-template/package.json': JSON.stringify({ name: 'd1-template', private: true, scripts: { deploy: 'wrangler deploy' }, devDependencies: { wrangler: '4.123.0' } }, null, 2),
    'd1-template/wrangler.json': JSON.stringify({ name: 'd1-template', main: 'src/index.ts', compatibility_date: '2025-04-01' }, null, 2),
    'd1-template/src/index.ts': 'import { render } from "./renderHtml";\n\nexport default {\n  async fetch() {\n    return new Response(render());\n  },\n};\n',
    'd1-template/src/renderHtml.ts': 'export function render() {\n  return "<p>hi</p>";\n}\n',
    'd1-template/src/util.ts': 'export const x = 1;\n',
  }, (m) => (model = m));

  it('makes the one-file template a function of its own and the root none', () => {
    assert.equal(part(model, 'text-to-image-template')?.kind, 'function', json(model.containers.map((c) => [c.path, c.kind])));
    assert.equal(part(model, ''), undefined, json(part(model, '')));
  });
});

describe('a Python library with the documentation\'s code snippets in docs_src and maintainer scripts', () => {
  let model: ArchitectureModel;
  analyzed('archmd-wsroot-docs-src-', {
    'pyproject.toml': '[project]\nname = "fastapi"\nversion = "0.1.0"\ndependencies = ["starlette>=0.40"]\n\n[project.optional-dependencies]\nall = ["uvicorn"]\n',
    'fastapi/__init__.py': 'from .applications import FastAPI\n',
    'fastapi/applications.py': 'from starlette.applications import Starlette\n\n\nclass FastAPI(Starlette):\n    pass\n',
    'fastapi/routing.py': 'from starlette.routing import Router\n',
    'docs_src/security/tutorial001.py': 'import jwt\nfrom fastapi import FastAPI\n\napp = FastAPI()\n',
    'docs_src/wsgi/tutorial001.py': 'from flask import Flask\nfrom fastapi import FastAPI\n\nflask_app = Flask(__name__)\napp = FastAPI()\n',
    'scripts/docs.py': 'import typer\n\napp = typer.Typer()\n\n\n@app.command()\ndef build_all():\n    pass\n\n\nif __name__ == "__main__":\n    app()\n',
  }, (m) => (model = m));

  it('keeps the snippets out of the library\'s modules and technologies', () => {
    assert.ok(!model.components.some((c) => c.path.startsWith('docs_src')), json(model.components.map((c) => c.path)));
    const runtime = model.technologies.filter((t) => t.scope === 'runtime').map((t) => t.id);
    assert.ok(!runtime.includes('flask'), json(runtime));
  });

  it('gives the library no interface for a maintainer script\'s commands', () => {
    assert.ok(!model.containers.some((c) => c.apis?.some((a) => a.style === 'CLI')), json(model.containers.map((c) => c.apis)));
  });
});

describe('a workspace root with code of its own, named like a published package a member installs', () => {
  let model: ArchitectureModel;
  analyzed('archmd-wsroot-own-code-', {
    'package.json': JSON.stringify({ name: 'langfuse', version: '4.16.0', private: true, main: './src/index.ts', workspaces: ['packages/*'], dependencies: { express: '^5.0.0' } }, null, 2),
    'src/index.ts': "import express from 'express';\nimport { handler } from './handler';\n\nexpress().get('/', handler).listen(3000);\n",
    'src/handler.ts': "import { format } from './format';\n\nexport const handler = (_req: unknown, res: { send(s: string): void }) => res.send(format('ok'));\n",
    'src/format.ts': 'export const format = (s: string) => s.trim();\n',
    'vitest.config.ts': "export default { test: { globals: true } };\n",
    'packages/sdk-user/package.json': JSON.stringify({ name: '@acme/sdk-user', version: '1.0.0', main: './src/index.ts', dependencies: { langfuse: '3.38.4' } }, null, 2),
    'packages/sdk-user/src/index.ts': "import { Langfuse } from 'langfuse';\n\nexport const client = new Langfuse();\n",
    'packages/sdk-user/vitest.config.ts': "import base from '../../vitest.config';\n\nexport default base;\n",
  }, (m) => (model = m));

  it('keeps the root a part, and links no member to it for the published package or a shared vitest config', () => {
    assert.ok(part(model, ''), json(model.containers.map((c) => c.path)));
    assert.ok(!model.relationships.some((r) => r.to === 'container:root'), json(model.relationships));
  });
});

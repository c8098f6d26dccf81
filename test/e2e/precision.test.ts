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

describe('a Python service with an optional extra, an SDK and a README full of names', () => {
  let root: string;
  let model: ArchitectureModel;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'archmd-precision-'));
    write(root, {
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
    });
    model = await analyze(root, { cache: false });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

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

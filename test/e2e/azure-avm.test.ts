/**
 * Azure Developer CLI templates: Bicep modules from the Azure Verified Modules registry provision what the
 * resource type they wrap provisions, azure.yaml's `host:` names where each service runs, and azd's Azure
 * DevOps pipeline under .azdo/pipelines/ is a pipeline.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const section = (model: ArchitectureModel, name: string) => render(model).split(`section="${name}"`)[1] ?? '';

const AZURE_YAML = [
  'name: todo',
  'services:',
  '  web:',
  '    project: ./src/web',
  '    language: js',
  '    host: containerapp',
  '  api:',
  '    project: ./src/api',
  '    language: js',
  '    host: containerapp',
  '',
].join('\n');

const MAIN_BICEP = [
  "targetScope = 'subscription'",
  'param useAPIM bool = false',
  "resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {",
  "  name: 'rg'",
  '}',
  "module containerApps 'br/public:avm/ptn/azd/container-apps-stack:0.1.0' = {",
  "  name: 'container-apps'",
  '}',
  "module api 'br/public:avm/ptn/azd/container-app-upsert:0.1.1' = {",
  "  name: 'api'",
  '}',
  "module cosmos './app/db-avm.bicep' = {",
  "  name: 'cosmos'",
  '}',
  "module keyVault 'br:mcr.microsoft.com/bicep/avm/res/key-vault/vault:0.5.1' = {",
  "  name: 'kv'",
  '}',
  "module monitoring 'br/public:avm/ptn/azd/monitoring:0.1.0' = {",
  "  name: 'monitoring'",
  '}',
  "module apim 'br/public:avm/res/api-management/service:0.2.0' = if (useAPIM) {",
  "  name: 'apim'",
  '}',
  "module cache 'br/public:avm/res/cache/redis:0.3.0' =",
  '  if (useAPIM) {',
  "    name: 'cache'",
  '  }',
  "module pg 'br/public:avm/res/db-for-postgre-sql/flexible-server:0.1.0' = if (usePostgres) {",
  "  name: 'pg'",
  '}',
  '',
].join('\n');

const DB_BICEP = [
  'param accountName string',
  "module cosmos 'br/public:avm/res/document-db/database-account:0.6.0' = {",
  "  name: 'cosmos-mongo'",
  '  params: {',
  '    name: accountName',
  '  }',
  '}',
  '',
].join('\n');

describe('an azd template whose Bicep is made of Azure Verified Modules', () => {
  let model: ArchitectureModel;
  analyzed('archmd-azure-avm-', {
    'azure.yaml': AZURE_YAML,
    'infra/main.bicep': MAIN_BICEP,
    'infra/app/db-avm.bicep': DB_BICEP,
    'src/api/package.json': JSON.stringify({ name: 'todo-api', main: 'dist/index.js', dependencies: { express: '^4.18.0', mongodb: '^6.0.0', pg: '^8.11.0' } }),
    'src/api/src/index.ts': "import express from 'express';\n\nconst app = express();\napp.get('/lists', (_req, res) => res.json([]));\napp.listen(3100);\n",
    'src/api/Dockerfile': 'FROM node:20\nCOPY . .\nCMD ["node", "dist/index.js"]\n',
    'src/web/package.json': JSON.stringify({ name: 'todo-web', dependencies: { react: '^18.0.0' } }),
    'src/web/src/main.tsx': "import React from 'react';\n\nexport const App = () => React.createElement('div');\n",
    'src/web/Dockerfile': 'FROM nginx\nCOPY dist /usr/share/nginx/html\n',
  }, (m) => (model = m));

  it('provisions the Cosmos DB the database-account module deploys, with its line and rule', () => {
    const cosmos = model.deployment.managedServices.find((m) => m.value === 'Azure Cosmos DB');
    assert.deepEqual(cosmos?.evidence, [{ file: 'infra/app/db-avm.bicep', line: 2, rule: 'Bicep module br/public:avm/res/document-db/database-account:0.6.0' }]);
    assert.ok(model.containers.some((c) => c.kind === 'datastore' && c.role === 'main' && c.name === 'Azure Cosmos DB'), model.containers.map((c) => c.name).join());
    const storage = section(model, 'data-flow');
    assert.match(storage, /\*\*Storage\*\*: Azure Cosmos DB \(database; `infra\/app\/db-avm\.bicep`\)/);
    assert.doesNotMatch(storage, /no datastore is deployed/);
  });

  it('reads resource modules by the type they name and pattern modules by what they deploy', () => {
    const managed = model.deployment.managedServices.map((m) => m.value);
    for (const name of ['Azure Key Vault', 'Azure Log Analytics', 'Azure Monitor / Application Insights']) assert.ok(managed.includes(name), `${name} in ${managed.join()}`);
    const rule = (id: string) => model.technologies.find((t) => t.id === id)?.evidence.map((e) => `${e.file}:${e.line} ${e.rule}`);
    assert.deepEqual(rule('azure-container-registry'), ['infra/main.bicep:6 Bicep module br/public:avm/ptn/azd/container-apps-stack:0.1.0']);
    assert.deepEqual(rule('azure-container-apps'), [
      'infra/main.bicep:6 Bicep module br/public:avm/ptn/azd/container-apps-stack:0.1.0',
      'infra/main.bicep:9 Bicep module br/public:avm/ptn/azd/container-app-upsert:0.1.1',
    ]);
    assert.deepEqual(rule('azure-key-vault'), ['infra/main.bicep:15 Bicep module br:mcr.microsoft.com/bicep/avm/res/key-vault/vault:0.5.1']);
  });

  it('a module deployed only if a parameter says so is an option, not a managed service', () => {
    const managed = model.deployment.managedServices.map((m) => m.value);
    assert.ok(!managed.includes('Azure API Management'), managed.join());
    assert.ok(!managed.includes('Azure Cache for Redis'), managed.join());
    assert.equal(model.technologies.find((t) => t.id === 'azure-api-management')?.scope, 'optional');
    // (the `if` may open the next line)
    assert.equal(model.technologies.find((t) => t.id === 'azure-cache-redis')?.scope, 'optional');
    assert.ok(!model.containers.some((c) => c.name === 'Azure Cache for Redis'));
    // nor is the PostgreSQL it would bring, though a client library for it is declared
    assert.equal(model.technologies.find((t) => t.id === 'azure-database-postgresql')?.scope, 'optional');
    assert.ok(!managed.some((m) => /PostgreSQL/.test(m)), managed.join());
    assert.ok(!model.containers.some((c) => c.kind === 'datastore' && /PostgreSQL/i.test(c.name)), model.containers.map((c) => c.name).join());
  });

  it('azure.yaml host: containerapp says where each service runs', () => {
    assert.deepEqual(model.deployment.hosting, [
      {
        value: 'Azure Container Apps',
        evidence: [
          { file: 'azure.yaml', line: 6, rule: 'azd service web host: containerapp' },
          { file: 'azure.yaml', line: 10, rule: 'azd service api host: containerapp' },
        ],
      },
    ]);
    assert.match(section(model, 'conclusion'), /It is deployed on Azure Container Apps\./);
  });
});

describe('azd hosts other than Container Apps', () => {
  let model: ArchitectureModel;
  analyzed('archmd-azure-hosts-', {
    'azure.yaml': 'name: shop\nservices:\n  web:\n    project: ./web\n    host: staticwebapp\n  api:\n    project: ./api\n    host: function\n  admin:\n    project: ./admin\n    host: appservice\n',
    'web/package.json': JSON.stringify({ name: 'web', dependencies: { react: '^18.0.0' } }),
    'api/package.json': JSON.stringify({ name: 'api', dependencies: { '@azure/functions': '^4.0.0' } }),
    'admin/package.json': JSON.stringify({ name: 'admin', dependencies: { express: '^4.18.0' } }),
  }, (m) => (model = m));

  it('names each Azure service with the line of its host', () => {
    assert.deepEqual(
      model.deployment.hosting.map((h) => [h.value, h.evidence.map((e) => `${e.file}:${e.line}`).join()]),
      [['Azure App Service', 'azure.yaml:11'], ['Azure Functions', 'azure.yaml:8'], ['Azure Static Web Apps', 'azure.yaml:5']],
    );
  });
});

describe('azd services deployed as code, with Dockerfiles for running them locally', () => {
  let model: ArchitectureModel;
  analyzed('archmd-azure-code-hosts-', {
    'azure.yaml': 'name: todo\nservices:\n  web:\n    project: ./src/web\n    host: staticwebapp\n  api:\n    project: ./src/api\n    host: function\n',
    'src/web/package.json': JSON.stringify({ name: 'todo-web', scripts: { build: 'vite build' }, dependencies: { react: '^18.0.0' } }),
    'src/web/index.html': '<div id="root"></div>\n',
    'src/web/Dockerfile': 'FROM node:20 AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:alpine\nCOPY --from=build /dist /usr/share/nginx/html\nEXPOSE 80\n',
    'src/api/requirements.txt': 'azure-functions\nfastapi\n',
    'src/api/function_app.py': 'import azure.functions as func\n\napp = func.FunctionApp()\n',
    'src/api/Dockerfile': 'FROM python:3.12\nCOPY . .\nEXPOSE 3100\nCMD ["uvicorn", "todo.app:app", "--port", "3100"]\n',
  }, (m) => (model = m));

  it('does not say the system runs in Docker', () => {
    assert.ok(!model.deployment.runtime.some((f) => f.value === 'Docker'), JSON.stringify(model.deployment.runtime.map((f) => f.value)));
    assert.ok(model.deployment.hosting.some((h) => h.value === 'Azure Functions'));
  });
});

describe('code on a MongoDB driver and a Cosmos DB the Bicep provisions', () => {
  let model: ArchitectureModel;
  analyzed('archmd-azure-cosmos-mongo-', {
    'azure.yaml': 'name: todo\nservices:\n  api:\n    project: ./src/api\n    language: python\n    host: appservice\n',
    'infra/main.bicep': DB_BICEP,
    'src/api/pyproject.toml': '[project]\nname = "todo"\ndependencies = ["fastapi", "motor"]\n',
    'src/api/todo/__init__.py': '',
    'src/api/todo/app.py': 'from fastapi import FastAPI\nfrom motor.motor_asyncio import AsyncIOMotorClient\n\napp = FastAPI()\nclient = AsyncIOMotorClient()\n\n@app.get("/lists")\ndef lists():\n    return []\n',
  }, (m) => (model = m));

  it('keeps one store: the driver talks to the Cosmos DB, which stays a managed service', () => {
    const stores = model.containers.filter((c) => c.kind === 'datastore' && c.role === 'main').map((c) => c.name);
    assert.deepEqual(stores, ['MongoDB']);
    assert.ok(model.deployment.managedServices.some((m) => m.value === 'Azure Cosmos DB'));
  });
});

describe("azd's Azure DevOps pipeline in .azdo/pipelines", () => {
  let model: ArchitectureModel;
  analyzed('archmd-azure-azdo-', {
    'azure.yaml': 'name: todo\nservices:\n  api:\n    project: ./api\n    host: containerapp\n',
    'api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.18.0' } }),
    '.azdo/pipelines/azure-dev.yml': [
      'trigger:',
      '  - main',
      'pool:',
      '  vmImage: ubuntu-latest',
      'steps:',
      '  - task: AzureCLI@2',
      '    displayName: Deploy Application',
      '    inputs:',
      '      azureSubscription: azconnection',
      '      scriptType: bash',
      '      scriptLocation: inlineScript',
      '      inlineScript: |',
      '        azd deploy --no-prompt',
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('is an Azure Pipelines pipeline', () => {
    assert.deepEqual(model.deployment.pipelines.map((p) => [p.system, p.evidence[0].file]), [['Azure Pipelines', '.azdo/pipelines/azure-dev.yml']]);
  });
});

describe('Azure Verified Modules read by the resource type they name, and other modules not at all', () => {
  let model: ArchitectureModel;
  const modules: [string, string][] = [
    ['pg', 'br/public:avm/res/db-for-postgre-sql/flexible-server:0.1.0'],
    ['acr', 'br/public:avm/res/container-registry/registry:0.4.0'],
    ['bus', 'br/public:avm/res/service-bus/namespace:0.9.0'],
    ['swa', 'br/public:avm/res/web/static-site:0.3.0'],
    ['aks', 'br/public:avm/ptn/azd/aks:0.2.0'],
    // a storage account alone says nothing about blobs, like its resource type; apim-api adds an API to a service made elsewhere
    ['storage', 'br/public:avm/res/storage/storage-account:0.8.3'],
    ['apimApi', 'br/public:avm/ptn/azd/apim-api:0.1.0'],
    ['own', 'br:myregistry.azurecr.io/bicep/modules/cache/redis:v1'],
    ['local', './modules/redis.bicep'],
  ];
  analyzed('archmd-azure-modules-', {
    'infra/main.bicep': modules.map(([name, ref]) => `module ${name} '${ref}' = {\n  name: '${name}'\n}\n`).join(''),
  }, (m) => (model = m));

  it('each module brings the technologies of its resource types', () => {
    const byLine = new Map<number, string[]>();
    for (const t of model.technologies) {
      for (const e of t.evidence) if (e.rule.startsWith('Bicep module ') && !e.rule.includes('(implies')) byLine.set(e.line!, [...(byLine.get(e.line!) ?? []), t.id].sort());
    }
    assert.deepEqual(Object.fromEntries(modules.map(([name], i) => [name, byLine.get(i * 3 + 1) ?? []])), {
      pg: ['azure-database-postgresql'],
      acr: ['azure-container-registry'],
      bus: ['azure-service-bus'],
      swa: ['azure-static-web-apps'],
      aks: ['aks', 'azure-container-registry', 'azure-key-vault'],
      storage: [],
      apimApi: [],
      own: [],
      local: [],
    });
  });
});

describe("an azd template's library of core modules, of which main.bicep deploys a few", () => {
  let model: ArchitectureModel;
  analyzed('archmd-azure-reachable-', {
    'azure.yaml': 'name: estate\nservices:\n  api:\n    project: ./src/api\n    host: containerapp\n    language: js\n',
    'infra/main.bicep': "targetScope = 'subscription'\nparam useAPIM bool = false\n\nmodule db './app/db.bicep' = {\n  name: 'db'\n}\n\nmodule apim './core/gateway/apim.bicep' = if (useAPIM) {\n  name: 'apim'\n}\n",
    'infra/core/gateway/apim.bicep': "resource apim 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'apim'\n  location: 'westeurope'\n}\n",
    'infra/app/db.bicep': "module pg '../core/database/postgresql.bicep' = {\n  name: 'pg'\n}\n",
    'infra/core/database/postgresql.bicep': "resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {\n  name: 'pg'\n  location: 'westeurope'\n}\n",
    'infra/core/host/aks-managed-cluster.bicep': "resource aks 'Microsoft.ContainerService/managedClusters@2023-10-02-preview' = {\n  name: 'aks'\n  location: 'westeurope'\n}\n",
    'infra/core/database/sqlserver/sqlserver.bicep': "resource sql 'Microsoft.Sql/servers@2022-05-01-preview' = {\n  name: 'sql'\n  location: 'westeurope'\n}\n",
    'src/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }),
    'src/api/index.js': 'import express from "express";\nimport pg from "pg";\nexpress().listen(3000);\nvoid pg;\n',
  }, (m) => (model = m));

  it('reports what main.bicep reaches, not the modules nothing deploys', () => {
    const ids = model.technologies.map((t) => t.id);
    assert.ok(ids.includes('azure-database-postgresql'), ids.join());
    assert.ok(!ids.includes('aks') && !ids.includes('sql-server') && !ids.includes('azure-sql-database'), ids.join());
  });

  it('counts a module behind a condition as an option, not a managed service', () => {
    assert.ok(!model.deployment.managedServices.some((f) => /API Management/.test(f.value)), JSON.stringify(model.deployment.managedServices));
    assert.equal(model.technologies.find((t) => /api-management/.test(t.id))?.scope, 'optional');
  });
});

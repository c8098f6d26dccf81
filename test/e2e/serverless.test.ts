/**
 * Serverless configurations, on the shapes real repositories take: a SAM stack with a layer its functions
 * share, Cloudflare Workers that answer HTTP or only run on a timer, and the bindings a Worker is given.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const kindOf = (model: ArchitectureModel, path: string) => model.containers.find((c) => c.path === path)?.kind;

describe('a SAM stack whose functions share a layer (aws-serverless-shopping-cart)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-serverless-layer-', {
    'README.md': '# Shopping cart\n\nA serverless shopping cart.\n',
    'backend/shoppingcart-service.yaml': [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  UtilsLayer:',
      '    Type: AWS::Serverless::LayerVersion',
      '    Properties:',
      '      ContentUri: ./layers/',
      '      CompatibleRuntimes:',
      '        - python3.8',
      '  ListCartRequest:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: shopping-cart-service/',
      '      Handler: list_cart.lambda_handler',
      '      Layers:',
      '        - !Ref UtilsLayer',
      '      Events:',
      '        ListCart:',
      '          Type: Api',
      '          Properties:',
      '            Path: /cart',
      '            Method: get',
      '',
    ].join('\n'),
    'backend/layers/requirements.txt': 'requests==2.31.0\naws-lambda-powertools==2.0.0\n',
    'backend/layers/shared.py': 'def get_headers(cart_id):\n    return {}\n',
    'backend/shopping-cart-service/requirements.txt': 'boto3==1.26.0\n',
    'backend/shopping-cart-service/list_cart.py': 'from shared import get_headers\n\ndef lambda_handler(event, context):\n    return {"statusCode": 200}\n',
    'layer-sdk/package.json': JSON.stringify({ name: 'aws-sdk-layer', private: true, description: 'A layer used by Lambda functions in this project.', dependencies: { '@aws-sdk/client-s3': '^3.0.0' } }),
    'serverless.yml': 'service: tools\nprovider:\n  name: aws\n  runtime: nodejs20.x\nlayers:\n  sdk:\n    path: layer-sdk\nfunctions:\n  hello:\n    handler: handler.hello\n',
    'handler.js': 'module.exports.hello = async () => ({ statusCode: 200 });\n',
  }, (m) => (model = m));

  it('takes the folder a layer packages for a library the functions share, not an application', () => {
    assert.equal(kindOf(model, 'backend/layers'), 'library');
    assert.equal(kindOf(model, 'layer-sdk'), 'library');
    assert.equal(kindOf(model, 'backend/shopping-cart-service'), 'function');
    assert.doesNotMatch(render(model), /\*\*aws-sdk-layer\*\* by running it/);
  });
});

describe('Cloudflare Workers: one answers HTTP with a D1 database, one serves static assets, one runs on a cron (cloudflare/templates)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-serverless-workers-', {
    'README.md': '# Templates\n\nStarter templates for Workers.\n',
    'd1-template/package.json': JSON.stringify({ name: 'd1-template', private: true, devDependencies: { wrangler: '^4.0.0', '@cloudflare/workers-types': '^4.0.0' } }),
    'd1-template/wrangler.json': '{\n\t"name": "d1-template",\n\t"main": "src/index.ts",\n\t"d1_databases": [\n\t\t{ "binding": "DB", "database_name": "comments", "database_id": "151f" }\n\t]\n}\n',
    'd1-template/src/index.ts': 'export default {\n\tasync fetch(request, env) {\n\t\tconst { results } = await env.DB.prepare("SELECT * FROM comments").all();\n\t\treturn Response.json(results);\n\t},\n} satisfies ExportedHandler<Env>;\n',
    'blog-template/package.json': JSON.stringify({ name: 'blog-template', private: true, dependencies: { astro: '^5.0.0' }, devDependencies: { wrangler: '^4.0.0' } }),
    'blog-template/wrangler.json': '{\n\t"name": "blog-template",\n\t"main": "./dist/_worker.js/index.js",\n\t"assets": { "directory": "./dist", "binding": "ASSETS" }\n}\n',
    'blog-template/src/pages/index.astro': '---\n---\n<h1>Blog</h1>\n',
    'cleanup-template/package.json': JSON.stringify({ name: 'cleanup-template', private: true, devDependencies: { wrangler: '^4.0.0' } }),
    'cleanup-template/wrangler.toml': 'name = "cleanup-template"\nmain = "src/index.ts"\nworkers_dev = false\n\n[triggers]\ncrons = ["0 3 * * *"]\n\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "abc"\n',
    'cleanup-template/src/index.ts': 'export default {\n\tasync scheduled(controller, env, ctx) {\n\t\tawait env.CACHE.delete("stale");\n\t\tawait fetch("https://example.com/ping");\n\t},\n};\n',
  }, (m) => (model = m));

  const byName = (name: string) => model.containers.find((c) => c.name === name);

  it('reaches a Worker with a fetch handler or static assets over HTTP, one with only a cron in the background', () => {
    assert.ok(byName('d1-template')?.exposedBy?.some((e) => e.file === 'd1-template/src/index.ts' && e.line === 2), JSON.stringify(byName('d1-template')));
    assert.ok(byName('blog-template')?.exposedBy?.some((e) => e.file === 'blog-template/wrangler.json' && e.line === 4));
    assert.equal(byName('cleanup-template')?.exposedBy, undefined);
    const layers = model.system.layers.map((l) => `${l.value}: ${l.evidence.map((e) => e.file).join(' ')}`).join('\n');
    assert.doesNotMatch(layers, /Background processing:[^\n]*(?:d1-template|blog-template)/, layers);
    assert.match(layers, /Background processing:[^\n]*cleanup-template/, layers);
    const doc = render(model);
    assert.match(doc, /\*\*blog-template\*\* over HTTP \(`blog-template\/wrangler\.json`\)/);
    assert.doesNotMatch(doc, /\*\*(?:d1|blog)-template\*\* through the events that trigger it/);
    assert.ok(byName('cleanup-template')?.entryPoints?.some((e) => e.value.includes('0 3 * * *')));
  });

  it('reads the bindings: the D1 database and the KV namespace each Worker uses, with the file and line', () => {
    const d1 = model.containers.find((c) => c.name === 'Cloudflare D1');
    const kv = model.containers.find((c) => c.name === 'Workers KV');
    assert.equal(d1?.kind, 'datastore');
    assert.equal(kv?.kind, 'datastore');
    const edge = (from: string, to: string) => model.relationships.find((r) => r.from === byName(from)?.id && r.to === to);
    assert.deepEqual(edge('d1-template', d1!.id)?.evidence.map((e) => [e.file, e.line]), [['d1-template/wrangler.json', 4]]);
    assert.equal(edge('d1-template', d1!.id)?.technology, 'SQL');
    assert.deepEqual(edge('cleanup-template', kv!.id)?.evidence.map((e) => [e.file, e.line]), [['cleanup-template/wrangler.toml', 8]]);
  });
});

describe('an amplify.yml that builds the frontend beside SAM stacks that deploy the functions', () => {
  let model: ArchitectureModel;
  analyzed('archmd-serverless-amplify-', {
    'README.md': '# Shopping cart\n\nA serverless shopping cart.\n',
    'amplify.yml': 'version: 1\nbackend:\n  phases:\n    build:\n      commands:\n        - make backend\nfrontend:\n  phases:\n    build:\n      commands:\n        - make frontend-build\n  artifacts:\n    baseDirectory: /frontend/dist\n    files:\n      - "**/*"\n',
    'frontend/package.json': JSON.stringify({ name: 'shop-frontend', private: true, dependencies: { vue: '^2.6.0' } }),
    'frontend/src/main.js': 'import Vue from "vue";\nnew Vue({}).$mount("#app");\n',
    'backend/template.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  ListCart:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: cart/\n      Handler: app.handler\n",
    'backend/cart/requirements.txt': 'boto3==1.26.0\n',
    'backend/cart/app.py': 'def handler(event, context):\n    return {}\n',
  }, (m) => (model = m));

  it('names AWS Lambda beside AWS Amplify as where it runs', () => {
    const hosting = model.deployment.hosting.map((h) => h.value);
    assert.ok(hosting.includes('AWS Lambda') && hosting.includes('AWS Amplify'), JSON.stringify(hosting));
    assert.match(render(model), /It is deployed on AWS Amplify and AWS Lambda\./);
  });
});

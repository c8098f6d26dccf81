import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apis, readSource } from './read-fixture.js';
import { extractFile } from '../../src/detect/extract.js';
import { looksLikeOpenApi, openApiReader } from '../../src/detect/source/openapi.js';

test('proto: services and rpc methods, commented-out service ignored', () => {
  assert.deepEqual(apis('source-apis', 'proto/cart/v1/cart.proto'), [
    'gRPC CartService defines @12',
    'gRPC CartService.AddItem defines @14',
    'gRPC CartService.GetCart defines @15',
    'gRPC CartService.EmptyCart defines @16',
  ]);
});

test('OpenAPI YAML: every path and method, with key lines', () => {
  assert.deepEqual(apis('source-apis', 'api/openapi.yaml'), [
    'OpenAPI Orders API defines @3',
    'REST GET /orders defines @9',
    'REST POST /orders defines @13',
    'REST GET /orders/{id} defines @23',
    'REST DELETE /orders/{id} defines @26',
  ]);
});

test('Swagger 2 JSON is read too; parameters are not a method', () => {
  assert.deepEqual(apis('source-apis', 'api/swagger.json'), ['OpenAPI Legacy Billing defines @3', 'REST GET /invoices/{id} defines @7']);
});

test('a config with a nested openapi key is not a spec', () => {
  assert.deepEqual(readSource('source-apis', 'api/config.yaml'), {});
  assert.equal(looksLikeOpenApi('openapi: enabled\n'), true);
  assert.deepEqual(openApiReader.read('x.yaml', 'openapi: enabled\n'), {}, 'a non-version value is not a spec');
});

test('GraphQL: root operation fields, comments and descriptions ignored', () => {
  assert.deepEqual(apis('source-apis', 'graphql/schema.graphql'), [
    'GraphQL Query.orderList defines @6',
    'GraphQL Query.order defines @7',
    'GraphQL Mutation.placeOrder defines @11',
  ]);
});

test('definitions under docs/ count; test fixtures and examples do not', () => {
  const spec = 'openapi: 3.0.0\ninfo:\n  title: T\npaths:\n  /x:\n    get: {}\n';
  assert.equal(openApiReader.read('docs/openapi.yaml', spec).apis?.length, 2);
  assert.equal(extractFile('docs/openapi.yaml', spec).apis?.length, 2);
  assert.equal(extractFile('src/test/resources/petstore.yaml', spec).apis, undefined);
  assert.equal(extractFile('examples/petstore/openapi.yaml', spec).apis, undefined);
});

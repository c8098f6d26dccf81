import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apis } from './read-fixture.js';

test('FastAPI: router prefix, websocket; docstring, comment and string routes ignored', () => {
  assert.deepEqual(apis('source-fastapi', 'app/main.py'), ['REST GET /health serves @17', 'WebSocket /ws/stock serves @22']);
  assert.deepEqual(apis('source-fastapi', 'app/routers/items.py'), [
    'REST GET /items serves @8',
    'REST GET /items/{item_id} serves @13',
    'REST POST /items serves @18',
    'Task reindex_item produces @20',
  ]);
});

test('Flask blueprint url_prefix and methods list', () => {
  assert.deepEqual(apis('source-fastapi', 'app/legacy_flask.py'), ['REST GET /legacy/orders serves @6', 'REST POST /legacy/orders serves @6']);
});

test('Celery tasks consume under their registered name; click commands', () => {
  assert.deepEqual(apis('source-fastapi', 'app/tasks.py'), ['Task inventory.reindex_item consumes @6', 'Task nightly_report consumes @11']);
  assert.deepEqual(apis('source-fastapi', 'app/cli.py'), ['CLI cli defines @4', 'CLI seed-data defines @9', 'CLI export defines @14']);
});

test('Express: app routes and route() chains; settings getters, strings, regexes and comments are not routes', () => {
  assert.deepEqual(apis('source-express', 'src/app.js'), ['REST GET /health serves @9', 'REST GET /books serves @12', 'REST POST /books serves @13']);
});

test('Express router module: routes as written; an axios call is not a route', () => {
  assert.deepEqual(apis('source-express', 'src/routes/orders.js'), ['REST GET /:id serves @10', 'REST POST / serves @15', 'REST DELETE /:id serves @19']);
});

test('amqplib, kafkajs and ws in one module', () => {
  assert.deepEqual(apis('source-express', 'src/messaging.ts').sort(), [
    'Queue order-cancellations consumes @19',
    'Queue order-emails produces @10',
    'Queue orders.created produces @12',
    'Queue payments.failed consumes @17',
    'Queue payments.settled consumes @17',
    'WebSocket /live serves @22',
  ]);
});

test('commander subcommands', () => {
  assert.deepEqual(apis('source-express', 'src/cli.ts'), ['CLI migrate defines @5', 'CLI seed defines @6']);
});

test('Spring: class prefix joined with method mappings; javadoc and comments ignored', () => {
  assert.deepEqual(apis('source-spring', 'src/main/java/com/acme/orders/web/OrderController.java'), [
    'REST GET /api/orders serves @18',
    'REST GET /api/orders/{id} serves @23',
    'REST POST /api/orders serves @28',
    'REST PUT /api/orders/{id}/cancel serves @34',
  ]);
});

test('Spring Kafka/Rabbit listeners and KafkaTemplate; placeholders are not names', () => {
  assert.deepEqual(apis('source-spring', 'src/main/java/com/acme/orders/messaging/OrderEvents.java').sort(), [
    'Queue orders.placed produces @17',
    'Queue payments.refunded consumes @20',
    'Queue payments.settled consumes @20',
    'Queue shipping-updates consumes @28',
  ]);
});

test('gin: nested groups, empty group root; comments and raw strings ignored', () => {
  assert.deepEqual(apis('source-gin', 'internal/http/router.go'), [
    'REST GET /healthz serves @13',
    'REST GET /api/v1/products serves @17',
    'REST GET /api/v1/products/:id serves @18',
    'REST POST /api/v1/products serves @19',
    'REST DELETE /api/v1/cache serves @20',
  ]);
});

test('Go: gRPC server and client, kafka-go writer and reader; redis cluster client is not gRPC', () => {
  assert.deepEqual(apis('source-gin', 'cmd/server/main.go'), [
    'gRPC ProductCatalogService serves @21',
    'gRPC PricingService calls @24',
    'Queue catalog.updated produces @29',
    'Queue prices.changed consumes @31',
  ]);
});

test("a module Worker's handlers: the top-level methods of its default export, a Hono app it exports, not a fetch call inside", async () => {
  const { javascriptReader } = await import('../../src/detect/source/javascript.js');
  const read = (text: string) => javascriptReader.read('src/index.ts', text).workerHandlers;
  assert.deepEqual(read('export default {\n  async fetch(request, env) {\n    return fetch("https://x");\n  },\n  async scheduled(event) {},\n} satisfies ExportedHandler<Env>;\n'), [
    { name: 'fetch', line: 2 },
    { name: 'scheduled', line: 5 },
  ]);
  assert.deepEqual(read('export default {\n  async scheduled(controller, env) {\n    await fetch("https://example.com/ping");\n  },\n};\n'), [{ name: 'scheduled', line: 2 }]);
  assert.deepEqual(read('export default { fetch: app.fetch, queue };\n'), [{ name: 'fetch', line: 1 }, { name: 'queue', line: 1 }]);
  assert.deepEqual(read('import { Hono } from "hono";\nconst app = new Hono();\napp.get("*", (c) => c.text("ok"));\nexport default app;\n'), [{ name: 'fetch', line: 4 }]);
  assert.equal(read('const store = createStore();\nexport default store;\nasync function load() { return fetch("/x"); }\n'), undefined);
});

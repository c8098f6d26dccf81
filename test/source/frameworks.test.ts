import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goReader } from '../../src/detect/source/go.js';
import { pythonReader } from '../../src/detect/source/python.js';
import { rubyReader } from '../../src/detect/source/ruby.js';
import { apis } from './read-fixture.js';

const F = 'source-polyglot';

test('NestJS: @Controller prefix with verb decorators', () => {
  assert.deepEqual(apis(F, 'nest/src/orders/orders.controller.ts'), [
    'REST GET /orders serves @8',
    'REST GET /orders/:id serves @13',
    'REST POST /orders serves @18',
    'REST DELETE /orders/:id serves @23',
  ]);
});

test('Django urls.py: path and re_path; include() and the admin site are not endpoints', () => {
  assert.deepEqual(apis(F, 'django/shop/urls.py'), ['REST /products/<int:pk>/ serves @9', 'REST /search/ serves @11']);
});

test('Rails routes: resources with only/except (arrays and %i literals), nesting, member/collection, namespace, scope, param, verbs', () => {
  const got = apis(F, 'rails/config/routes.rb');
  assert.deepEqual(got, [
    'REST GET /orders serves @3',
    'REST POST /orders serves @3',
    'REST GET /orders/:id serves @3',
    'REST GET /orders/:order_id/line_items serves @4',
    'REST POST /orders/:id/refund serves @6',
    'REST GET /orders/export serves @8',
    'REST GET /profile serves @10',
    'REST PATCH /profile serves @10',
    'REST GET /admin/users serves @13',
    'REST POST /admin/users serves @13',
    'REST GET /admin/users/:id serves @13',
    'REST PATCH /admin/users/:id serves @13',
    'REST GET /api/articles/:slug serves @17',
    'REST GET /api/articles/:article_slug/comments serves @18',
    'REST GET /health serves @22',
    'REST POST /webhooks/stripe serves @23',
    'REST GET /reports serves @24',
    'REST POST /reports serves @24',
  ]);
  assert.ok(!got.some((a) => a.includes('legacy')), 'a commented-out resource is not a route');
});

test('Sidekiq worker consumes its queue', () => {
  assert.deepEqual(apis(F, 'rails/app/workers/receipt_worker.rb'), ['Queue mailers consumes @1']);
});

test('Laravel routes/api.php: /api prefix, prefix groups, apiResource only([...]) and except(...)', () => {
  assert.deepEqual(apis(F, 'laravel/routes/api.php').sort(), [
    'REST GET /api/carts serves @14',
    'REST GET /api/status serves @7',
    'REST GET /api/v1/orders serves @10',
    'REST GET /api/v1/orders/{id} serves @10',
    'REST POST /api/carts serves @14',
    'REST POST /api/v1/checkout serves @11',
  ]);
});

test('Laravel routes/web.php serves pages and forms to a browser, not a REST API', () => {
  assert.deepEqual(apis(F, 'laravel/routes/web.php'), ['Web GET / serves @5', 'Web POST /login serves @6']);
});

test('ASP.NET controller: [Route] with [controller] token and verb attributes; doc comments ignored', () => {
  assert.deepEqual(apis(F, 'aspnet/Controllers/ProductsController.cs'), [
    'REST GET /api/Products serves @10',
    'REST GET /api/Products/{id:int} serves @13',
    'REST POST /api/Products serves @16',
  ]);
});

test('ASP.NET conventional routing: actions without any template are not claimed; an MVC controller serves pages', () => {
  assert.deepEqual(apis(F, 'aspnet/Controllers/HomeController.cs'), ['Web GET /privacy serves @14']);
});

test('a Spring @Controller serves pages, but what a method marks @ResponseBody is data', () => {
  assert.deepEqual(apis(F, 'jvm-misc/OwnerController.java'), ['Web GET /owners/new serves @11', 'Web POST /owners/new serves @16', 'REST GET /owners.json serves @21']);
});

test('ASP.NET minimal APIs, MapGroup, SignalR hub, gRPC service base', () => {
  assert.deepEqual(apis(F, 'aspnet/Program.cs'), [
    'REST GET /healthz serves @4',
    'REST POST /carts/{id}/items serves @6',
    'WebSocket /hubs/notifications serves @7',
    'gRPC Cart serves @11',
  ]);
});

test('chi: nested Route blocks prefix their routes; Go 1.22 method patterns', () => {
  assert.deepEqual(apis(F, 'chi/routes.go'), [
    'REST GET / serves @11',
    'REST GET /articles serves @13',
    'REST GET /articles/{articleID} serves @15',
    'REST PUT /articles/{articleID} serves @16',
    'REST GET /metrics serves @20',
  ]);
});

test('Python gRPC servicer and stub, pika publish and consume', () => {
  assert.deepEqual(apis(F, 'pyworker/worker.py'), [
    'gRPC RecommendationService serves @8',
    'gRPC ProductCatalogService calls @12',
    'Queue emails produces @18',
    'Queue orders consumes @19',
  ]);
});

test('SQS in Python and Go: the queue is named by the environment variable holding its URL', () => {
  assert.deepEqual(apis(F, 'sqs/notify.py'), ['Queue NOTIFY_QUEUE_URL produces @9', 'Queue RETURNS_QUEUE_URL consumes @13']);
  assert.deepEqual(apis(F, 'sqs/publisher.go'), ['Queue BILLING_QUEUE_URL produces @12']);
});

test('Koa router, Fastify shorthand and route(), Hono sub-app mounted in the same file', () => {
  assert.deepEqual(apis(F, 'node-misc/koa.js'), ['REST GET /users/:id serves @7', 'REST PUT /users/:id serves @11']);
  assert.deepEqual(apis(F, 'node-misc/fastify.ts'), ['REST GET /ping serves @5', 'REST POST /orders serves @7']);
  assert.deepEqual(apis(F, 'node-misc/hono.ts'), ['REST GET / serves @6', 'REST POST /api/jobs serves @7']);
});

test('BullMQ queue and worker, socket.io server, yargs commands', () => {
  assert.deepEqual(apis(F, 'node-misc/queue.ts'), ['Queue emails produces @4', 'Queue thumbnails consumes @6', 'WebSocket socket.io serves @9']);
  assert.deepEqual(apis(F, 'node-misc/cli.js'), ['CLI serve defines @6', 'CLI build defines @7']);
});

test('an HTTP client and a Map lookup in browser code are not routes', () => {
  assert.deepEqual(apis(F, 'node-misc/frontend-api.ts'), []);
});

test('JAX-RS: class @Path with verb-only methods and method @Path; Java gRPC base and stub', () => {
  assert.deepEqual(apis(F, 'jvm-misc/OrderResource.java'), ['REST GET /orders serves @9', 'REST GET /orders/{id} serves @14', 'REST POST /orders serves @20']);
  assert.deepEqual(apis(F, 'jvm-misc/GreeterImpl.java'), ['gRPC Greeter serves @5', 'gRPC Inventory calls @6']);
});

test('echo groups and cobra commands', () => {
  assert.deepEqual(apis(F, 'go-misc/echo.go'), ['REST GET /admin/stats serves @14', 'REST POST /login serves @15', 'CLI serve defines @8']);
});

test('Symfony #[Route] attributes with a class prefix; a commented attribute is ignored', () => {
  assert.deepEqual(apis(F, 'symfony/src/Controller/ProductController.php'), ['REST GET /products/{id} serves @11', 'REST POST /products serves @17']);
});

test('gorilla/mux: Methods() with strings or http.Method constants; no Methods() means any method', () => {
  assert.deepEqual(apis(F, 'go-misc/mux.go'), ['REST GET / serves @11', 'REST HEAD / serves @11', 'REST POST /cart serves @12', 'REST /_healthz serves @13']);
});

test('Next.js route handlers and API routes: the path comes from the file, route groups dropped', () => {
  assert.deepEqual(apis(F, 'next/src/app/(shop)/api/orders/[id]/route.ts'), ['REST GET /api/orders/[id] serves @3', 'REST DELETE /api/orders/[id] serves @7']);
  assert.deepEqual(apis(F, 'next/src/pages/api/webhooks/stripe.ts'), ['REST /api/webhooks/stripe serves @3']);
  assert.deepEqual(apis(F, 'next/src/app/dashboard/page.tsx'), []);
  assert.deepEqual(apis(F, 'next/src/pages/api/auth/[...nextauth].ts'), ['REST /api/auth/[...nextauth] serves @4']);
});

test('Flask add_url_rule: methods or GET', () => {
  assert.deepEqual(apis(F, 'pyworker/legacy_app.py'), ['REST POST /export serves @6', 'REST GET /ping serves @7']);
});

test('Apollo schema in a gql template: root fields with source lines; client queries are not a schema', () => {
  assert.deepEqual(apis(F, 'node-misc/apollo.ts'), ['GraphQL Query.books defines @10', 'GraphQL Query.book defines @11']);
});

test("ASP.NET: a gRPC host's MapGet(\"/\") notice is no REST route; other minimal routes are", async () => {
  const { dotnetReader } = await import('../../src/detect/source/dotnet.js');
  const text = [
    'var app = builder.Build();',
    'app.MapGrpcService<CartService>();',
    'app.MapGet("/", () => "Communication with gRPC endpoints must be made through a gRPC client");',
    'app.MapGet("/healthz", () => "ok");',
  ].join('\n');
  assert.deepEqual(dotnetReader.read('src/Program.cs', text).apis?.map((a) => `${a.style} ${a.name}`), ['REST GET /healthz']);
});

test('past the cap on routes in one file, the API and webhook routes are the ones kept, in file order', async () => {
  const { ApiCollector, MAX_FACTS_PER_FILE } = await import('../../src/detect/source/collect.js');
  const out = new ApiCollector('config/routes.rb');
  for (let i = 0; i < MAX_FACTS_PER_FILE + 50; i++) out.add('REST', `GET /pages/page-${i}`, 'serves', i + 1);
  out.add('REST', 'GET /api/v1/accounts', 'serves', 400);
  out.add('REST', 'POST /webhooks/plaid', 'serves', 401);
  const result = out.result();
  const names = result.apis!.map((a) => a.name);
  assert.equal(names.length, MAX_FACTS_PER_FILE);
  assert.deepEqual(names.slice(-2), ['GET /api/v1/accounts', 'POST /webhooks/plaid']);
  assert.equal(names[0], 'GET /pages/page-0');
  assert.match(result.warnings![0].message, /more than 200 routes, services and queues/);
});

test('Symfony actions that render a Twig template or redirect serve pages; one that answers JSON is an API', () => {
  assert.deepEqual(apis(F, 'symfony/src/Controller/BlogController.php'), [
    'Web GET /blog serves @14',
    'Web POST /blog/comment/{postSlug}/new serves @20',
    'Web GET /blog/posts/{slug} serves @26',
    'REST GET /blog/search serves @33',
  ]);
});

test('aiohttp routes: router.add_get, add_route with a method, web.get in add_routes; a ClientSession call is none', () => {
  assert.deepEqual(apis(F, 'aiohttp/server.py'), ['REST GET /health serves @18', 'REST GET /status serves @20', 'REST DELETE /jobs/{id} serves @20', 'REST POST /jobs serves @19']);
});

test('a Feign client maps the routes it calls: none of them is served', () => {
  assert.deepEqual(apis(F, 'jvm-misc/AuthServiceClient.java'), []);
});

test('Flask views that render a template serve pages; one that answers JSON is an API', () => {
  assert.deepEqual(apis(F, 'flask/app.py'), ['Web GET / serves @6', 'REST GET /api/items serves @11', 'REST POST /api/items serves @11', 'Web GET /about serves @16']);
});

test('Sidekiq without a queue option takes jobs from "default"; enqueuing a job class names no queue', () => {
  const worker = 'class PdfWorker\n  include Sidekiq::Job\n\n  def perform(id)\n  end\nend\n';
  assert.deepEqual(rubyReader.read('app/workers/pdf_worker.rb', worker).apis?.map((a) => `${a.name} ${a.role}`), ['default consumes']);
  const caller = 'class SubmissionsController\n  def create\n    ProcessSubmitterCompletionJob.perform_async(id)\n    SendSmsJob.set(queue: :sms).perform_async(id)\n  end\nend\n';
  assert.deepEqual(rubyReader.read('app/controllers/submissions_controller.rb', caller).apis?.map((a) => `${a.name} ${a.role}`), ['sms produces']);
});

test('gorilla/mux: a route whose path follows a configurable prefix (baseUrl + "/cart")', () => {
  const text = 'package main\n\nimport "github.com/gorilla/mux"\n\nfunc main() {\n\tr := mux.NewRouter()\n\tr.HandleFunc(baseUrl+"/", home).Methods(http.MethodGet, http.MethodHead)\n\tr.HandleFunc(baseUrl + "/cart", viewCart).Methods(http.MethodGet)\n}\n';
  assert.deepEqual(goReader.read('src/frontend/main.go', text).apis?.map((a) => `${a.name} ${a.role}`), ['GET / serves', 'HEAD / serves', 'GET /cart serves']);
});

test("Django urls.py: Django's page views render web pages; API views and api/ routes are REST", () => {
  const text = [
    'from django.urls import path',
    'from django.views.generic import TemplateView',
    'from wagtail.images.views.serve import ServeView',
    'from . import views',
    '',
    'urlpatterns = [',
    '    path("", TemplateView.as_view(template_name="home.html")),',
    '    path("images/<str:signature>/", ServeView.as_view(), name="serve"),',
    '    path("orders/", views.OrderListAPIView.as_view()),',
    '    path("api/stats/", views.stats),',
    '    path("search/", views.search),',
    ']',
    '',
  ].join('\n');
  assert.deepEqual(pythonReader.read('site/urls.py', text).apis?.map((a) => `${a.style} ${a.name}`), ['Web /', 'Web /images/<str:signature>/', 'REST /orders/', 'REST /api/stats/', 'REST /search/']);
});

test('Python views: Flask render_template and Starlette TemplateResponse serve pages; a method of the app that shares the name does not', () => {
  const text = [
    'import flask',
    'from flask import Flask, render_template',
    'from fastapi import APIRouter',
    'from fastapi.responses import FileResponse',
    '',
    'app = Flask(__name__)',
    'router = APIRouter()',
    '',
    '@app.route("/")',
    'def home():',
    '    return render_template("home.html")',
    '',
    '@app.route("/about")',
    'def about():',
    '    return flask.render_template("about.html")',
    '',
    '@router.get("/{slug}/exports", response_class=FileResponse)',
    'def export(slug: str):',
    '    path = self.service.render_template(slug, "recipe.zip")',
    '    return FileResponse(path)',
    '',
    '@router.get("/board")',
    'async def board(request):',
    '    return templates.TemplateResponse(request, "board.html")',
    '',
  ].join('\n');
  assert.deepEqual(pythonReader.read('app/views.py', text).apis?.map((a) => `${a.style} ${a.name}`), ['Web GET /', 'Web GET /about', 'REST GET /{slug}/exports', 'Web GET /board']);
});

test('Laravel: routes/web.php split into web.base.php still serves pages and forms', async () => {
  const { phpReader } = await import('../../src/detect/source/php.js');
  const text = "<?php\n\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/', fn () => view('index'));\nRoute::get('auth/google/redirect', [GoogleController::class, 'redirect']);\n";
  assert.deepEqual(phpReader.read('routes/web.base.php', text).apis?.map((a) => `${a.style} ${a.name}`), ['Web GET /', 'Web GET /auth/google/redirect']);
  assert.deepEqual(phpReader.read('routes/web-api.php', text).apis?.map((a) => a.style), ['REST', 'REST'], "the frontend's JSON API is no page");
});

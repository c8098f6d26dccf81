/**
 * A .NET Aspire AppHost composes the system in C#: which projects it runs, which the outside reaches and
 * what each references. Shaped like dotnet/eShop.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAppHost } from '../../src/detect/infra/aspire.js';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const PROGRAM = [
  'var builder = DistributedApplication.CreateBuilder(args);',
  '',
  'var redis = builder.AddRedis("redis");',
  'var rabbitMq = builder.AddRabbitMQ("eventbus");',
  'var postgres = builder.AddPostgres("postgres").WithImage("ankane/pgvector");',
  'var catalogDb = postgres.AddDatabase("catalogdb");',
  'builder.Configuration.AddJsonFile("extra.json");',
  '',
  'var identityApi = builder.AddProject<Projects.Identity_API>("identity-api")',
  '    .WithExternalHttpEndpoints();',
  'var identityEndpoint = identityApi.GetEndpoint("https");',
  '',
  'var basketApi = builder.AddProject<Projects.Basket_API>("basket-api")',
  '    .WithReference(redis)',
  '    .WithReference(rabbitMq).WaitFor(rabbitMq)',
  '    .WithEnvironment("Identity__Url", identityEndpoint);',
  '',
  '// builder.AddProject<Projects.Old_API>("old-api").WithExternalHttpEndpoints();',
  'var catalogApi = builder.AddProject<Projects.Catalog_API>("catalog-api")',
  '    .WithReference(rabbitMq)',
  '    .WithReference(catalogDb);',
  '',
  'var webApp = builder.AddProject<Projects.WebApp>("webapp")',
  '    .WithReference(basketApi)',
  '    .WithReference(catalogApi);',
  'webApp.WithExternalHttpEndpoints();',
  '',
  'builder.Build().Run();',
  '',
].join('\n');

const csproj = (sdk: string, packages: string[], refs: string[] = []) =>
  [
    `<Project Sdk="${sdk}">`,
    '  <PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup>',
    `  <ItemGroup>${packages.map((p) => `<PackageReference Include="${p}" Version="9.0.0" />`).join('')}</ItemGroup>`,
    `  <ItemGroup>${refs.map((r) => `<ProjectReference Include="${r}" />`).join('')}</ItemGroup>`,
    '</Project>',
    '',
  ].join('\n');

describe('an Aspire AppHost', () => {
  it('reads each resource, what it references and whether the outside reaches it', () => {
    const resources = readAppHost('src/AppHost/Program.cs', PROGRAM).aspire!;
    assert.deepEqual(resources.map((r) => r.name), ['redis', 'eventbus', 'postgres', 'catalogdb', 'identity-api', 'basket-api', 'catalog-api', 'webapp']);
    const byName = new Map(resources.map((r) => [r.name, r]));
    assert.deepEqual(byName.get('catalogdb'), { name: 'catalogdb', method: 'AddDatabase', line: 6, variable: 'catalogDb', parent: 'postgres' });
    assert.deepEqual(byName.get('basket-api'), { name: 'basket-api', method: 'AddProject', line: 13, variable: 'basketApi', project: 'Basket_API', references: ['redis', 'rabbitMq', 'identityApi'] });
    assert.equal(byName.get('identity-api')?.external, true);
    assert.equal(byName.get('webapp')?.external, true, 'a later statement can expose it');
    assert.equal(byName.get('catalog-api')?.external, undefined);
  });
});

describe('an Aspire system shaped like eShop', () => {
  let model: ArchitectureModel;
  analyzed('archmd-aspire-eshop-', {
    'src/AppHost/AppHost.csproj': [
      '<Project Sdk="Microsoft.NET.Sdk">',
      '  <Sdk Name="Aspire.AppHost.Sdk" Version="9.0.0" />',
      '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net9.0</TargetFramework></PropertyGroup>',
      '  <ItemGroup><PackageReference Include="Aspire.Hosting.AppHost" Version="9.0.0" /><PackageReference Include="Aspire.Hosting.Redis" Version="9.0.0" /><PackageReference Include="Aspire.Hosting.RabbitMQ" Version="9.0.0" /><PackageReference Include="Aspire.Hosting.PostgreSQL" Version="9.0.0" /></ItemGroup>',
      '  <ItemGroup>',
      '    <ProjectReference Include="..\\Identity.API\\Identity.API.csproj" />',
      '    <ProjectReference Include="..\\Basket.API\\Basket.API.csproj" />',
      '    <ProjectReference Include="..\\Catalog.API\\Catalog.API.csproj" />',
      '    <ProjectReference Include="..\\WebApp\\WebApp.csproj" />',
      '  </ItemGroup>',
      '</Project>',
      '',
    ].join('\n'),
    'src/AppHost/Program.cs': PROGRAM,
    'src/Identity.API/Identity.API.csproj': csproj('Microsoft.NET.Sdk.Web', ['Duende.IdentityServer']),
    'src/Identity.API/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
    'src/Basket.API/Basket.API.csproj': csproj('Microsoft.NET.Sdk.Web', ['Aspire.StackExchange.Redis', 'Grpc.AspNetCore'], ['..\\EventBusRabbitMQ\\EventBusRabbitMQ.csproj']),
    'src/Basket.API/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGrpcService<BasketService>();\napp.Run();\n',
    'src/Basket.API/Proto/basket.proto': 'syntax = "proto3";\n\nservice Basket {\n  rpc GetBasket (GetBasketRequest) returns (CustomerBasketResponse);\n}\n\nmessage GetBasketRequest {}\nmessage CustomerBasketResponse {}\n',
    'src/Catalog.API/Catalog.API.csproj': csproj('Microsoft.NET.Sdk.Web', ['Aspire.Npgsql.EntityFrameworkCore.PostgreSQL'], ['..\\EventBusRabbitMQ\\EventBusRabbitMQ.csproj']),
    'src/Catalog.API/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/api/catalog/items", () => "[]");\napp.Run();\n',
    'src/WebApp/WebApp.csproj': csproj('Microsoft.NET.Sdk.Web', []),
    'src/WebApp/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
    'src/EventBusRabbitMQ/EventBusRabbitMQ.csproj': csproj('Microsoft.NET.Sdk', ['Aspire.RabbitMQ.Client']),
    'src/EventBusRabbitMQ/RabbitMQEventBus.cs': 'using RabbitMQ.Client;\nnamespace EventBusRabbitMQ;\npublic class RabbitMQEventBus { }\n',
  }, (m) => (model = m));

  const byPath = (path: string) => model.containers.find((c) => c.path === path)!;
  const talks = (from: string) => model.relationships.filter((r) => r.from === byPath(from).id && r.kind !== 'import' && r.kind !== 'deploy').map((r) => `${model.containers.find((c) => c.id === r.to)?.name}:${r.technology}`).sort();

  it('says users reach only the projects the AppHost gives external endpoints', () => {
    assert.deepEqual(model.containers.filter((c) => c.exposedBy?.length).map((c) => c.name).sort(), ['Identity.API', 'WebApp']);
    const flow = render(model).split('section="data-flow"')[1] ?? '';
    assert.match(flow, /users reach \*\*Identity\.API\*\* [^)]*\(`src\/AppHost\/Program\.cs`\) and \*\*WebApp\*\*/);
    assert.doesNotMatch(flow.split('\n').find((l) => l.includes('User Interaction')) ?? '', /Basket\.API|Catalog\.API/);
  });

  it('draws what each project references: the broker, its store and the projects it calls', () => {
    assert.deepEqual(talks('src/WebApp'), ['Basket.API:gRPC', 'Catalog.API:HTTP']);
    assert.ok(talks('src/Basket.API').includes('Identity.API:HTTP'), talks('src/Basket.API').join(', '));
    const rabbit = model.containers.find((c) => c.kind === 'broker' && /RabbitMQ/.test(c.name));
    assert.ok(rabbit, JSON.stringify(model.containers.map((c) => [c.name, c.kind])));
    const users = model.relationships.filter((r) => r.to === rabbit!.id).map((r) => model.containers.find((c) => c.id === r.from)?.name).sort();
    assert.ok(users.includes('Basket.API') && users.includes('Catalog.API'), users.join(', '));
  });
});

describe('two Aspire AppHosts that both call their web project "web"', () => {
  let model: ArchitectureModel;
  const host = (dir: string, project: string) => ({
    [`${dir}/AppHost/AppHost.csproj`]: `<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>\n  <ItemGroup><PackageReference Include="Aspire.Hosting.AppHost" Version="9.0.0" /><PackageReference Include="Aspire.Hosting.SqlServer" Version="9.0.0" /></ItemGroup>\n  <ItemGroup><ProjectReference Include="..\\${project}\\${project}.csproj" /></ItemGroup>\n</Project>\n`,
    [`${dir}/${project}/${project}.csproj`]: csproj('Microsoft.NET.Sdk.Web', ['Aspire.Microsoft.EntityFrameworkCore.SqlServer']),
    [`${dir}/${project}/Program.cs`]: 'using Microsoft.EntityFrameworkCore;\nvar app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
  });
  analyzed('archmd-aspire-two-hosts-', {
    ...host('b-full', 'Clean.Web'),
    'b-full/AppHost/Program.cs': 'var builder = DistributedApplication.CreateBuilder(args);\nvar sql = builder.AddSqlServer("sql");\nvar db = sql.AddDatabase("cleandb");\nbuilder.AddProject<Projects.Clean_Web>("web").WithReference(db).WithExternalHttpEndpoints();\nbuilder.Build().Run();\n',
    ...host('a-minimal', 'Minimal.Web'),
    'a-minimal/AppHost/Program.cs': 'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddProject<Projects.Minimal_Web>("web");\nbuilder.Build().Run();\n',
  }, (m) => (model = m));

  it('gives each AppHost\'s references and endpoints to its own project', () => {
    const id = (path: string) => model.containers.find((c) => c.path === path)!.id;
    const fromFullHost = (from: string) => model.relationships.filter((r) => r.from === id(from) && r.evidence.some((e) => e.file === 'b-full/AppHost/Program.cs'));
    assert.equal(fromFullHost('b-full/Clean.Web').length, 1);
    assert.equal(fromFullHost('a-minimal/Minimal.Web').length, 0);
    assert.deepEqual(model.containers.filter((c) => c.exposedBy?.length).map((c) => c.path), ['b-full/Clean.Web']);
  });
});

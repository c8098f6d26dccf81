import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dep, readerFor, readFixture } from './read.js';

const F = 'manifest-dotnet';

test('.sln: project paths with forward slashes, solution folders skipped, BOM tolerated', () => {
  const [m] = readFixture(F, 'Acme.sln').manifests!;
  assert.equal(m.name, 'Acme');
  assert.deepEqual(m.workspaces, [
    'src/Acme.Api/Acme.Api.csproj',
    'src/Acme.Domain/Acme.Domain.csproj',
    'src/Acme.Worker/Acme.Worker.csproj',
    'tests/Acme.Api.Tests/Acme.Api.Tests.csproj',
  ]);
});

test('Web SDK project: application, ASP.NET Core framework, package references, project references', () => {
  const facts = readFixture(F, 'src/Acme.Api/Acme.Api.csproj');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'Acme.Api');
  assert.equal(m.kind, 'application');
  assert.deepEqual(m.runtimes, [{ name: 'dotnet', version: 'net8.0', line: 4 }]);
  assert.deepEqual(m.localDependencies, [{ name: 'Acme.Domain', path: '../Acme.Domain', line: 19 }]);
  assert.deepEqual(dep(facts, 'Microsoft.AspNetCore.App'), { ecosystem: 'nuget', name: 'Microsoft.AspNetCore.App', scope: 'runtime', line: 1 });
  assert.deepEqual(dep(facts, 'Npgsql.EntityFrameworkCore.PostgreSQL'), {
    ecosystem: 'nuget',
    name: 'Npgsql.EntityFrameworkCore.PostgreSQL',
    version: '8.0.4',
    scope: 'runtime',
    line: 10,
  });
  assert.deepEqual(dep(facts, 'StackExchange.Redis'), { ecosystem: 'nuget', name: 'StackExchange.Redis', version: '2.7.33', scope: 'runtime', line: 12 });
  assert.equal(dep(facts, 'Microsoft.CodeAnalysis.NetAnalyzers')?.scope, 'build');
});

test('library and exe projects: OutputType, metadata, multi-targeting, central versions', () => {
  const domain = readFixture(F, 'src/Acme.Domain/Acme.Domain.csproj').manifests![0];
  assert.equal(domain.kind, 'library');
  assert.equal(domain.version, '2.1.0');
  assert.equal(domain.description, 'Domain model');
  assert.deepEqual(domain.runtimes!.map((r) => r.version), ['net8.0', 'netstandard2.0']);
  const worker = readFixture(F, 'src/Acme.Worker/Acme.Worker.csproj');
  assert.equal(worker.manifests![0].name, 'acme-worker');
  assert.equal(worker.manifests![0].kind, 'application');
  assert.deepEqual(dep(worker, 'Azure.Messaging.ServiceBus'), { ecosystem: 'nuget', name: 'Azure.Messaging.ServiceBus', scope: 'runtime', line: 8 });
});

test('test project: every package is test scope, no kind', () => {
  const facts = readFixture(F, 'tests/Acme.Api.Tests/Acme.Api.Tests.csproj');
  assert.equal(facts.manifests![0].kind, undefined);
  assert.equal(facts.manifests![0].private, true);
  assert.deepEqual(facts.dependencies!.map((d) => [d.name, d.scope, d.line]), [
    ['Microsoft.NET.Test.Sdk', 'test', 7],
    ['xunit', 'test', 8],
  ]);
});

test('Directory.Packages.props: PackageVersion pins are no use, GlobalPackageReference is a build dependency', () => {
  const facts = readFixture(F, 'Directory.Packages.props');
  assert.equal(facts.manifests, undefined);
  assert.deepEqual(facts.dependencies, [{ ecosystem: 'nuget', name: 'StyleCop.Analyzers', version: '1.1.118', scope: 'build', line: 10 }]);
});

test('packages.config: ids, versions, development dependencies', () => {
  const facts = readFixture(F, 'legacy/Acme.Web/packages.config');
  assert.deepEqual(facts.dependencies!.map((d) => [d.name, d.version, d.scope, d.line]), [
    ['Newtonsoft.Json', '13.0.3', 'runtime', 3],
    ['EntityFramework', '6.4.4', 'runtime', 4],
    ['Microsoft.CodeDom.Providers.DotNetCompilerPlatform', '2.0.1', 'dev', 5],
  ]);
});

test('.slnx lists projects inside folders', () => {
  const text = '<Solution>\n  <Folder Name="/src/">\n    <Project Path="src/Api/Api.csproj" />\n  </Folder>\n  <Project Path="tools\\Cli\\Cli.csproj" />\n</Solution>\n';
  assert.deepEqual(readerFor('Acme.slnx').read('Acme.slnx', text).manifests![0].workspaces, ['tools/Cli/Cli.csproj', 'src/Api/Api.csproj']);
});

test('malformed project XML warns in one line', () => {
  const r = readerFor('Api.csproj').read('src/Api/Api.csproj', '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n</Project>');
  assert.equal(r.warnings![0].file, 'src/Api/Api.csproj');
  assert.match(r.warnings![0].message, /^malformed Api\.csproj: [^\n]+$/);
  assert.match(readerFor('packages.config').read('packages.config', '<packages><package id="x"></packages>').warnings![0].message, /^malformed packages\.config/);
  assert.doesNotThrow(() => readerFor('A.sln').read('A.sln', '\u0000Project("{'));
});

test('MSTest.Sdk and *.Tests projects are test projects even with OutputType Exe', () => {
  const text = '<Project Sdk="MSTest.Sdk/3.6.0">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="NSubstitute" />\n  </ItemGroup>\n</Project>\n';
  const facts = readerFor('A.csproj').read('tests/Api.Checks/Api.Checks.csproj', text);
  assert.equal(facts.manifests![0].kind, undefined);
  assert.deepEqual(facts.dependencies, [{ ecosystem: 'nuget', name: 'NSubstitute', scope: 'test', line: 6 }]);
  const byName = readerFor('A.csproj').read('tests/Api.FunctionalTests/Api.FunctionalTests.csproj', text.replace('MSTest.Sdk/3.6.0', 'Microsoft.NET.Sdk'));
  assert.equal(byName.dependencies![0].scope, 'test');
});

test('a Web SDK project that says OutputType Library is a Razor class library an app hosts, not an application', () => {
  const text = '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net9.0</TargetFramework>\n    <OutputType>Library</OutputType>\n  </PropertyGroup>\n</Project>\n';
  assert.equal(readerFor('modules/payment/src/Payment.Web/Payment.Web.csproj').read('modules/payment/src/Payment.Web/Payment.Web.csproj', text).manifests?.[0].kind, 'library');
});

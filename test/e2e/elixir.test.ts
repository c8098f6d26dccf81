/**
 * Elixir projects: mix.exs read for its dependencies and what it builds, a Phoenix app with its assets
 * bundle, an umbrella's apps, and a package published to hex.pm.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readMixExs } from '../../src/detect/manifests/elixir.js';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const PHOENIX_MIX = [
  'defmodule Logbook.MixProject do',
  '  use Mix.Project',
  '',
  '  def project do',
  '    [',
  '      app: :logbook,',
  '      version: "2.1.0",',
  '      elixir: "~> 1.17",',
  '      deps: deps()',
  '    ]',
  '  end',
  '',
  '  def application do',
  '    [mod: {Logbook.Application, []}, extra_applications: [:logger]]',
  '  end',
  '',
  '  # {:commented_out, "~> 1.0"},',
  '  defp deps do',
  '    [',
  '      {:phoenix, "~> 1.7"},',
  '      {:phoenix_live_view, "~> 1.0"},',
  '      {:ecto_sql, "~> 3.10"},',
  '      {:postgrex, ">= 0.0.0"},',
  '      {:tortoise311, "~> 0.12"},',
  '      {:esbuild, "~> 0.8", runtime: Mix.env() == :dev},',
  '      {:floki, ">= 0.30.0", only: :test},',
  '      {:credo, "~> 1.7", only: [:dev, :test], runtime: false},',
  '      {:gettext, github: "elixir-lang/gettext", branch: "main"}',
  '    ]',
  '  end',
  '',
  '  defp aliases do',
  '    [setup: ["deps.get", "ecto.setup"]]',
  '  end',
  'end',
  '',
].join('\n');

describe('mix.exs', () => {
  it('reads the app, its Elixir version and each dependency with its scope and line', () => {
    const facts = readMixExs('mix.exs', PHOENIX_MIX);
    const [m] = facts.manifests!;
    assert.equal(m.ecosystem, 'hex');
    assert.equal(m.name, 'logbook');
    assert.equal(m.line, 6);
    assert.equal(m.version, '2.1.0');
    assert.equal(m.kind, 'application');
    assert.deepEqual(m.runtimes, [{ name: 'elixir', version: '~> 1.17', line: 8 }]);
    const dep = (name: string) => facts.dependencies!.find((d) => d.name === name);
    assert.deepEqual(dep('phoenix'), { ecosystem: 'hex', name: 'phoenix', version: '~> 1.7', scope: 'runtime', line: 20 });
    assert.equal(dep('postgrex')?.scope, 'runtime');
    assert.equal(dep('esbuild')?.scope, 'build');
    assert.equal(dep('floki')?.scope, 'test');
    assert.equal(dep('credo')?.scope, 'dev');
    assert.deepEqual(dep('gettext'), { ecosystem: 'hex', name: 'gettext', scope: 'runtime', line: 28 });
    assert.equal(dep('commented_out'), undefined);
    assert.equal(dep('logger'), undefined);
    assert.equal(facts.dependencies!.length, 9);
  });

  it('tells a published package, an escript and an umbrella apart', () => {
    const lib = readMixExs('mix.exs', 'defmodule Jsonish.MixProject do\n  def project do\n    [app: :jsonish, version: "0.3.0", description: "A small JSON codec.", package: package(), deps: [{:decimal, "~> 2.0", optional: true}]]\n  end\n\n  def application, do: [mod: {Jsonish.App, []}]\nend\n');
    assert.equal(lib.manifests![0].kind, 'library');
    assert.equal(lib.manifests![0].description, 'A small JSON codec.');
    assert.deepEqual(lib.dependencies, [{ ecosystem: 'hex', name: 'decimal', version: '~> 2.0', scope: 'optional', line: 3 }]);
    const cli = readMixExs('mix.exs', 'defmodule Tool.MixProject do\n  def project do\n    [app: :tool, escript: [main_module: Tool.CLI], deps: []]\n  end\nend\n');
    assert.equal(cli.manifests![0].kind, 'cli');
    assert.deepEqual(cli.manifests![0].entryPoints, [{ name: 'escript', target: 'Tool.CLI', line: 3 }]);
    const umbrella = readMixExs('mix.exs', 'defmodule Shop.Umbrella.MixProject do\n  def project do\n    [apps_path: "apps", deps: deps()]\n  end\n\n  defp deps, do: []\nend\n');
    assert.deepEqual(umbrella.manifests![0].workspaces, ['apps/*']);
    const web = readMixExs('apps/web/mix.exs', 'defmodule Web.MixProject do\n  def project, do: [app: :web, deps: deps()]\n\n  defp deps do\n    [{:core, in_umbrella: true}, {:shared, path: "../../libs/shared"}]\n  end\nend\n');
    assert.deepEqual(web.manifests![0].localDependencies, [{ name: 'core', path: '../core', line: 5 }, { name: 'shared', path: '../../libs/shared', line: 5 }]);
    assert.deepEqual(web.dependencies, []);
  });
});

describe('a Phoenix app with its assets bundle, talking to PostgreSQL and an MQTT broker', () => {
  let model: ArchitectureModel;
  analyzed('archmd-elixir-phoenix-', {
    'README.md': '# Logbook\n\nA self-hosted data logger for your car.\n',
    'mix.exs': PHOENIX_MIX,
    'mix.lock': '%{}\n',
    'lib/logbook/application.ex': 'defmodule Logbook.Application do\n  use Application\nend\n',
    'lib/logbook_web/router.ex': 'defmodule LogbookWeb.Router do\n  use LogbookWeb, :router\nend\n',
    'assets/package.json': JSON.stringify({ name: 'assets', scripts: { deploy: 'node scripts/build.js' }, dependencies: { leaflet: '^1.9.4', phoenix: 'file:../deps/phoenix' }, devDependencies: { esbuild: '^0.25.0' } }, null, 2),
    'assets/js/app.js': 'import L from "leaflet";\nexport const map = L.map("map");\n',
    Dockerfile: 'FROM elixir:1.17 AS build\nCOPY . .\nRUN mix release\n\nFROM debian:bookworm-slim\nCOPY --from=build /app/_build/prod/rel/logbook ./\nEXPOSE 4000\nCMD ["bin/logbook", "start"]\n',
  }, (m) => (model = m));

  it('is a Phoenix service in Elixir that keeps its data in PostgreSQL and talks MQTT', () => {
    const app = model.containers.find((c) => c.path === '')!;
    assert.equal(app.kind, 'service');
    assert.equal(app.language, 'Elixir');
    const techs = app.technologies.map((id) => model.technologies.find((t) => t.id === id)?.name ?? id);
    for (const t of ['Phoenix', 'Ecto', 'PostgreSQL', 'MQTT']) assert.ok(techs.includes(t), techs.join(', '));
    assert.ok(!techs.includes('Credo') && !techs.includes('esbuild'), techs.join(', '));
    const doc = render(model);
    assert.match(doc, /\| \*\*PostgreSQL\*\* \| database \| `mix\.exs` \| logbook \|/);
    assert.match(doc, /\| \*\*MQTT\*\* \| message broker \|/);
  });

  it('calls the assets bundle the frontend, not a library', () => {
    assert.equal(model.containers.find((c) => c.path === 'assets')?.kind, 'frontend');
  });
});

describe('mix.exs dependencies a helper function declares', () => {
  it('reads the helpers the deps list calls, once per dependency', () => {
    const text = [
      'defmodule Realtime.MixProject do',
      '  def project, do: [app: :realtime, deps: deps()]',
      '',
      '  defp deps do',
      '    [',
      '      phoenix_dep(),',
      '      {:postgrex, "~> 0.22"}',
      '    ]',
      '  end',
      '',
      '  defp phoenix_dep do',
      '    if path = System.get_env("PHOENIX_PATH") do',
      '      {:phoenix, path: path, override: true}',
      '    else',
      '      {:phoenix, "~> 1.8", github: "supabase/phoenix", override: true}',
      '    end',
      '  end',
      'end',
      '',
    ].join('\n');
    const deps = readMixExs('mix.exs', text).dependencies!.map((d) => `${d.name}:${d.line}`);
    assert.deepEqual(deps, ['postgrex:7', 'phoenix:13']);
  });
});

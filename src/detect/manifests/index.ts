/** Package manifests of every ecosystem: package.json, pyproject.toml, go.mod, Cargo.toml, pom.xml, *.csproj ... */
import type { Reader } from '../facts.js';
import { cargoReaders } from './cargo.js';
import { dotnetReaders } from './dotnet.js';
import { elixirReaders } from './elixir.js';
import { goReaders } from './go.js';
import { gradleReaders } from './gradle.js';
import { mavenReaders } from './maven.js';
import { npmReaders } from './npm.js';
import { phpReaders } from './php.js';
import { pythonReaders } from './python.js';
import { rubyReaders } from './ruby.js';

export const manifestReaders: Reader[] = [
  ...npmReaders,
  ...pythonReaders,
  ...goReaders,
  ...cargoReaders,
  ...mavenReaders,
  ...gradleReaders,
  ...dotnetReaders,
  ...rubyReaders,
  ...phpReaders,
  ...elixirReaders,
];

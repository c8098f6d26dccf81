/** Package manifests of every ecosystem: package.json, pyproject.toml, go.mod, Cargo.toml, pom.xml, *.csproj ... */
import type { Reader } from '../facts.js';

export const manifestReaders: Reader[] = [];

/**
 * .env files (.env, .env.example, .env.production, docker.env): variable names and the scheme and host of
 * URL values. Values are never kept, but for image, Dockerfile, version and tag references that compose
 * interpolates into a service. `.env.<environment>` names an environment.
 */
import type { EnvFact, FileFacts, Reader } from '../facts.js';
import { baseName, hostFromValue, isEnvironmentName } from './util.js';

/** The value of a .env line without quotes or a trailing comment. */
function unquote(raw: string): string {
  const s = raw.trim();
  const q = /^(["'`])(.*)\1/.exec(s);
  if (q) return q[2];
  return s.replace(/\s+#.*$/, '');
}

/** Variables a compose file puts into an image or Dockerfile reference; their values are names and versions. */
const BUILD_REFERENCE_NAME = /(?:^|_)(?:IMAGE(?:_NAME|_REPO(?:SITORY)?)?|DOCKERFILE|VERSION|TAG)$/i;
const SECRET_NAME = /(?:^|_)(?:SECRET|PASSWORD|PASSWD|TOKEN|KEY|CREDENTIALS?|AUTH)(?:_|$)/i;
// (itself made of variables: DOCKER_DB_IMAGE="mariadb:${DB_VERSION}")
const BUILD_REFERENCE_VALUE = /^(?:[\w./:@+-]|\$\{\w+\}){1,200}$/;

export const dotenvReader: Reader = {
  id: 'dotenv',
  patterns: [/(^|\/)\.env(\.[\w.-]+)?$/, /(^|\/)[\w-]+\.env$/, /(^|\/)env\.(example|sample|template)$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const env: EnvFact[] = [];
    const seen = new Set<string>();
    text.split(/\r?\n/).forEach((line, i) => {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=(.*)$/.exec(line);
      if (!m || seen.has(m[1])) return;
      seen.add(m[1]);
      const fact: EnvFact = { name: m[1], line: i + 1 };
      const value = unquote(m[2]);
      // the scheme says what the variable connects to even when the example points at localhost
      const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1].toLowerCase();
      if (scheme) fact.scheme = scheme;
      const host = hostFromValue(m[1], value);
      if (host) fact.host = host.host;
      if (BUILD_REFERENCE_NAME.test(m[1]) && !SECRET_NAME.test(m[1]) && BUILD_REFERENCE_VALUE.test(value)) fact.value = value;
      env.push(fact);
    });
    const facts: Omit<FileFacts, 'path'> = {};
    if (env.length) facts.env = env;
    // .env.production, .env.staging.local, production.env
    const suffix = /^\.env\.([\w-]+)/.exec(baseName(path))?.[1] ?? /^([\w-]+)\.env$/.exec(baseName(path))?.[1];
    if (suffix && isEnvironmentName(suffix)) facts.environments = [{ name: suffix, via: '.env file', line: 1 }];
    return facts;
  },
};

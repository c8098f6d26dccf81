/** Source-level facts: README intro, API definitions (proto, OpenAPI, GraphQL), routes, gRPC, queues, CLIs. */
import type { Reader } from '../facts.js';
import { dotnetReader } from './dotnet.js';
import { goReader } from './go.js';
import { graphqlReader } from './graphql.js';
import { javascriptReader } from './javascript.js';
import { jvmReader } from './jvm.js';
import { openApiReader } from './openapi.js';
import { phpReader } from './php.js';
import { protoReader } from './proto.js';
import { pythonReader } from './python.js';
import { readmeReader } from './readme.js';
import { rubyReader } from './ruby.js';

export const sourceReaders: Reader[] = [
  readmeReader,
  protoReader,
  openApiReader,
  graphqlReader,
  javascriptReader,
  pythonReader,
  jvmReader,
  goReader,
  dotnetReader,
  rubyReader,
  phpReader,
];

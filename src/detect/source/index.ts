/** Source-level facts: README intro, API definitions (proto, OpenAPI, GraphQL), routes, queues. */
import type { Reader } from '../facts.js';

export const sourceReaders: Reader[] = [];

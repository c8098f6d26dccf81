/** Import extraction per language, by extension. */
import type { Reader } from '../facts.js';

export const importReaders: Reader[] = [];

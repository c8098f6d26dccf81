/** The technology catalogue: every entry is data (see ./types.ts); the files in ./data group them by category. */
import type { Technology } from './types.js';

export const technologies: Technology[] = [];

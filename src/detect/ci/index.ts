/** CI/CD systems: GitHub Actions, GitLab CI, Jenkins, CircleCI ... */
import type { Reader } from '../facts.js';

export const ciReaders: Reader[] = [];

/** CI/CD systems: GitHub Actions, GitLab CI, Jenkins, CircleCI, Azure Pipelines, Bitbucket, Travis, Buildkite, Drone. */
import type { Reader } from '../facts.js';
import { azurePipelinesReader } from './azure-pipelines.js';
import { bitbucketReader } from './bitbucket.js';
import { buildkiteReader } from './buildkite.js';
import { circleciReader } from './circleci.js';
import { droneReader } from './drone.js';
import { githubActionsReader } from './github-actions.js';
import { gitlabReader } from './gitlab.js';
import { jenkinsReader } from './jenkins.js';
import { travisReader } from './travis.js';

export const ciReaders: Reader[] = [
  githubActionsReader,
  gitlabReader,
  jenkinsReader,
  circleciReader,
  azurePipelinesReader,
  bitbucketReader,
  travisReader,
  buildkiteReader,
  droneReader,
];

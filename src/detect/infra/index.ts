/** Containers, orchestration, IaC and PaaS configuration: Dockerfile, compose, Kubernetes, Helm, Terraform, serverless ... */
import type { Reader } from '../facts.js';

export const infraReaders: Reader[] = [];

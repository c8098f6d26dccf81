/** The static import graph: resolution of per-file imports to files and packages, aggregation, cycles. */
export { resolveImports, buildIndex } from './resolve.js';
export { aggregateEdges } from './aggregate.js';
export { findCycles } from './cycles.js';
export { npmPackageName } from './javascript.js';
export type { ExternalUse, FileEdge, GraphInput, GraphResult, GroupEdge } from './types.js';

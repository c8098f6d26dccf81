/**
 * archmd's library API: analyze a repository into a model, render the model as ARCHITECTURE.md
 * sections, and sync them into an existing document without touching the user's text.
 */
export { analyze, VERSION, type AnalyzeOptions } from './analyze.js';
export { render, renderDocument } from './render/index.js';
export { sync, check } from './document.js';
export type { ArchitectureModel, Container, Component, Relationship, TechnologyUse, Fact } from './model/types.js';
export type { Evidence } from './model/evidence.js';
export { SCHEMA_VERSION } from './model/types.js';

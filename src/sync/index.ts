/** The document keeper: generated blocks between markers, everything else the user's. */
export * from './types.js';
export { findBlocks, beginMarker, endMarker, type FindBlocksOptions } from './markers.js';
export { MAX_PARSED_LENGTH, type OutlineParser } from './outline.js';
export { createDocument, syncDocument, blockContent } from './document.js';
export { checkDocument, TEMPLATE_HEADINGS, type CheckOptions } from './check.js';
export { unifiedDiff, type DiffLabels } from './diff.js';
export { writeFileAtomic, type AtomicWriteFs, type WritableHandle } from './atomic.js';

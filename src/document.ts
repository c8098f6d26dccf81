/** The library's document functions: a model synced into, or checked against, an existing ARCHITECTURE.md. */
import type { ArchitectureModel } from './model/types.js';
import { renderDocument } from './render/index.js';
import { checkDocument, syncDocument } from './sync/index.js';
import type { CheckResult, SyncResult } from './sync/types.js';

/** The markdown with every generated block brought up to date; the user's text is untouched. */
export function sync(markdown: string | undefined, model: ArchitectureModel): SyncResult {
  return syncDocument(markdown, renderDocument(model));
}

export function check(markdown: string, model: ArchitectureModel): CheckResult {
  return checkDocument(markdown, renderDocument(model));
}

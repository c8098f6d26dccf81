/**
 * The whole model, kept from the last run on a root: when archmd's code, the options and every file's
 * path, size and modification time are what they were, the previous model is the answer and extraction,
 * resolution and inference are skipped. Files modified within two seconds of the run that saved the model
 * may have changed without their mtime moving (coarse file-system clocks), so they always force a full run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ArchitectureModel } from './model/types.js';
import type { ScannedFile } from './scan/index.js';

const RACY_WINDOW_MS = 2_000;

interface Saved {
  format: 'archmd-model-cache';
  key: string;
  savedAt: number;
  model: ArchitectureModel;
}

function fileFor(root: string, cacheDir: string): string {
  return resolve(cacheDir, `${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 32)}.model.v8`);
}

export function treeKey(files: ScannedFile[], extra: string): string {
  const hash = createHash('sha1').update(extra);
  for (const f of files) hash.update(`${f.path}\0${f.size}\0${f.mtimeMs}\n`);
  return hash.digest('hex');
}

/** Whether a model was saved for this root: a run that will likely be answered from it needs no workers. */
export function hasSavedModel(root: string, cacheDir: string): boolean {
  return existsSync(fileFor(root, cacheDir));
}

export function loadModel(root: string, cacheDir: string, key: string, files: ScannedFile[]): ArchitectureModel | undefined {
  try {
    const saved = deserialize(readFileSync(fileFor(root, cacheDir))) as Saved;
    if (saved?.format !== 'archmd-model-cache' || saved.key !== key) return undefined;
    if (files.some((f) => f.mtimeMs >= saved.savedAt - RACY_WINDOW_MS)) return undefined;
    return saved.model;
  } catch {
    return undefined;
  }
}

export function saveModel(root: string, cacheDir: string, key: string, model: ArchitectureModel, startedAt: number): void {
  const file = fileFor(root, cacheDir);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const saved: Saved = { format: 'archmd-model-cache', key, savedAt: startedAt, model };
    writeFileSync(temp, serialize(saved));
    renameSync(temp, file);
  } catch {
    // a cache that cannot be written only costs speed next time
    rmSync(temp, { force: true });
  }
}

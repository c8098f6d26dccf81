/**
 * The floor: list the tracked files (as archmd does) and read every one of them once, doing nothing else.
 * Usage: node dist/bench/read-floor.js <folder>. Prints {files, bytes}.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
const listing = execFileSync('git', ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8', maxBuffer: 1 << 30 });
let files = 0;
let bytes = 0;
for (const path of listing.split('\0')) {
  if (!path) continue;
  try {
    bytes += readFileSync(join(root, path)).length;
    files++;
  } catch {
    // symbolic links to folders, files deleted in the work tree
  }
}
process.stdout.write(`${JSON.stringify({ files, bytes })}\n`);

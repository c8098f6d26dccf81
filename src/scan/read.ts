/**
 * Reads one file with bounds: never more than `maxBytes`, binary content refused, a UTF-8 BOM dropped,
 * invalid UTF-8 replaced rather than fatal. Every failure is a reason, never an exception.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export type ReadResult = { text: string } | { skipped: string };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function readBounded(absPath: string, size: number, maxBytes: number): ReadResult {
  if (size > maxBytes) return { skipped: `larger than ${formatBytes(maxBytes)} (${formatBytes(size)})` };
  let fd: number | undefined;
  try {
    fd = openSync(absPath, 'r');
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    // the file may have grown since it was listed: read at most maxBytes + 1 to notice
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, length);
      if (n === 0) break;
      length += n;
      if (length >= buffer.length) break;
    }
    if (length > maxBytes) return { skipped: `larger than ${formatBytes(maxBytes)}` };
    const bytes = buffer.subarray(0, length);
    if (looksBinary(bytes)) return { skipped: 'binary content' };
    return { text: decoder.decode(bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { skipped: code === 'ENOENT' ? 'disappeared during the scan' : `cannot read: ${code ?? String(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Git's rule: a NUL byte in the first 8000 bytes means binary. UTF-16 files count as binary here too. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).indexOf(0) !== -1;
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(n % (1 << 20) === 0 ? 0 : 1)} MiB`;
  if (n >= 1 << 10) return `${Math.round(n / (1 << 10))} KiB`;
  return `${n} B`;
}

/** Minified or machine-written: a long file whose lines are very long on average. */
export function looksMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > 500;
}

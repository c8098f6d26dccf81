/**
 * The terminal conventions of clig.dev and no-color.org: colour only on a TTY without NO_COLOR (FORCE_COLOR
 * wins, TERM=dumb loses), progress on stderr only on an interactive terminal outside CI, stdout kept clean.
 */
export function colourEnabled(stream: NodeJS.WriteStream, env = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

export function progressEnabled(env = process.env): boolean {
  return Boolean(process.stderr.isTTY) && !env.CI && env.TERM !== 'dumb';
}

export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** One status line on stderr, rewritten in place; cleared when done. */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(private readonly enabled: boolean) {}

  update(message: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 80) return;
    this.last = now;
    const width = process.stderr.columns ? process.stderr.columns - 1 : 79;
    process.stderr.write(`\r\u001b[2K${`archmd: ${message}`.slice(0, width)}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\u001b[2K');
    this.shown = false;
  }
}

/** A diff with added lines green and removed lines red, when colour is on. */
export function colourDiff(diff: string, p: Paint): string {
  return diff
    .split('\n')
    .map((line) => (line.startsWith('+++') || line.startsWith('---') ? p.bold(line) : line.startsWith('+') ? p.green(line) : line.startsWith('-') ? p.red(line) : line.startsWith('@@') ? p.cyan(line) : line))
    .join('\n');
}

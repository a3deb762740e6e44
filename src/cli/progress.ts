/**
 * A progress bar for long batches: on stderr, only when stderr is a terminal and the batch has
 * more than a handful of files, redrawn at most ten times a second. Silent otherwise.
 */
export class Progress {
  private done = 0;
  private last = 0;
  private shown = false;
  private readonly enabled: boolean;

  constructor(private readonly total: number) {
    this.enabled = Boolean(process.stderr.isTTY) && total >= 10 && process.env.TERM !== 'dumb';
  }

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${this.done}/${this.total} files`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

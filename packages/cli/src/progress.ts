/**
 * A progress bar with a rate and ETA on stderr, only when stderr is a terminal (silent when piped
 * or redirected, so logs and tests stay clean). Redraws at most every `intervalMs`.
 */
export interface Progress {
  /** Mark `count` more units done. */
  tick(count?: number): void;
  /** Finish: draw the final state and end the line (or do nothing when silent). */
  done(): void;
}

export interface ProgressOptions {
  readonly total: number;
  readonly label: string;
  readonly stream: NodeJS.WritableStream;
  /** Force on/off; default: on when the stream is a TTY. */
  readonly enabled?: boolean;
  readonly intervalMs?: number;
  /** Injected clock for tests (ms). */
  readonly now?: () => number;
  readonly width?: number;
}

const SILENT: Progress = { tick() {}, done() {} };

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function renderProgress(label: string, done: number, total: number, elapsedMs: number, width = 24): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? (total - done) / rate : NaN;
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${done}/${total} ${rate >= 1 ? Math.round(rate) : rate.toFixed(1)}/s ETA ${formatDuration(eta)}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const tty = (options.stream as NodeJS.WritableStream & { isTTY?: boolean }).isTTY === true;
  if (!(options.enabled ?? tty)) return SILENT;
  const now = options.now ?? (() => Date.now());
  const interval = options.intervalMs ?? 100;
  const start = now();
  let last = -Infinity;
  let done = 0;
  const draw = (): void => {
    options.stream.write(`\r${renderProgress(options.label, done, options.total, now() - start, options.width)}\x1b[K`);
  };
  return {
    tick(count = 1) {
      done += count;
      const t = now();
      if (t - last >= interval) { last = t; draw(); }
    },
    done() {
      draw();
      options.stream.write('\n');
    },
  };
}

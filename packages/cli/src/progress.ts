/**
 * Progress on stderr for long work, only when stderr is a terminal (silent when piped or
 * redirected, so logs and tests stay clean): a redrawn bar with rate and ETA, or plain lines on a
 * terminal that cannot redraw (TERM=dumb), and a summary line at the end ("wrote 1,000,000 cases
 * to cohort.jsonl in 1:03").
 */
export interface Progress {
  /** Mark `count` more units done. */
  tick(count?: number): void;
  /** Finish: draw the final state and the summary line (or do nothing when silent). */
  done(): void;
}

export interface ProgressOptions {
  readonly total: number;
  readonly label: string;
  readonly stream: NodeJS.WritableStream;
  /** What is counted, for the summary line ("cases"). */
  readonly unit?: string;
  /** Where the work went, for the summary line ("cohort.jsonl"). */
  readonly destination?: string;
  /** Force on/off; default: on when the stream is a TTY. */
  readonly enabled?: boolean;
  /** Default: $TERM; "dumb" prints plain lines instead of redrawing. */
  readonly term?: string;
  readonly intervalMs?: number;
  /** Injected clock for tests (ms). */
  readonly now?: () => number;
  readonly width?: number;
}

const SILENT: Progress = { tick() {}, done() {} };

/** No ETA before this many updates and this long after the first: the first batch carries start-up costs (workers, compilation). */
const ETA_MIN_SAMPLES = 3;
const ETA_MIN_MS = 1000;
/** Plain lines (TERM=dumb) come at most this often. */
const PLAIN_LINE_MS = 5000;

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

const thousands = (n: number): string => n.toLocaleString('en-US');

/**
 * One status line. `etaSeconds` is NaN until the rate can be trusted. The rate is over the whole
 * run unless `rate` is given (the steady rate after start-up).
 */
export function renderProgress(
  label: string,
  done: number,
  total: number,
  elapsedMs: number,
  width = 24,
  etaSeconds?: number,
  rate?: number,
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const shownRate = rate ?? (elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0);
  const eta = etaSeconds ?? (shownRate > 0 ? (total - done) / shownRate : NaN);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${done}/${total} ${shownRate >= 1 ? Math.round(shownRate) : shownRate.toFixed(1)}/s ETA ${formatDuration(eta)}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const tty = (options.stream as NodeJS.WritableStream & { isTTY?: boolean }).isTTY === true;
  if (!(options.enabled ?? tty)) return SILENT;
  const plain = (options.term ?? process.env.TERM) === 'dumb';
  const now = options.now ?? (() => Date.now());
  const interval = plain ? PLAIN_LINE_MS : (options.intervalMs ?? 100);
  const start = now();
  let last = -Infinity;
  let done = 0;
  let samples = 0;
  let firstAt = NaN;
  let firstDone = 0;
  const line = (): string => {
    const t = now();
    const steady = t - firstAt;
    const rate = samples > 1 && steady > 0 ? ((done - firstDone) / steady) * 1000 : undefined;
    const eta = samples >= ETA_MIN_SAMPLES && steady >= ETA_MIN_MS && rate ? (options.total - done) / rate : NaN;
    return renderProgress(options.label, done, options.total, t - start, options.width, eta, rate);
  };
  const draw = (): void => {
    options.stream.write(plain ? `${line()}\n` : `\r${line()}\x1b[K`);
  };
  return {
    tick(count = 1) {
      done += count;
      samples++;
      const t = now();
      if (samples === 1) {
        firstAt = t;
        firstDone = done;
      }
      if (t - last >= interval) {
        last = t;
        draw();
      }
    },
    done() {
      if (!plain) options.stream.write(`\r${line()}\x1b[K\n`);
      const seconds = (now() - start) / 1000;
      options.stream.write(
        `${options.label}: wrote ${thousands(done)} ${options.unit ?? 'items'}${options.destination ? ` to ${options.destination}` : ''} in ${formatDuration(seconds)}\n`,
      );
    },
  };
}

import { unlinkSync } from 'node:fs';

/**
 * Temporary files in flight, removed if the run is interrupted: Ctrl-C (SIGINT, exit 130) or
 * SIGTERM (exit 143) would otherwise leave a hidden ".name.<pid>.<hex>.tmp" of up to tens of MB.
 * The handlers exist only while a temporary file does, so they never change how an idle
 * masdrill (or a test runner embedding it) reacts to signals.
 */
const live = new Set<string>();

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof EXIT_CODES;

function removeAll(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
  live.clear();
}

const onSignal = (signal: Signal) => (): void => {
  removeAll();
  process.exit(EXIT_CODES[signal]);
};
const handlers: Record<Signal, () => void> = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };

/** Registers a temporary file; the returned function forgets it (after it was renamed or removed). */
export function trackTemporaryFile(path: string): () => void {
  if (live.size === 0) for (const signal of Object.keys(handlers) as Signal[]) process.on(signal, handlers[signal]);
  live.add(path);
  return () => {
    if (!live.delete(path)) return;
    if (live.size === 0) for (const signal of Object.keys(handlers) as Signal[]) process.off(signal, handlers[signal]);
  };
}

/** Removes every temporary file now (a closed output pipe ends the run at once, bin.ts). */
export function removeTemporaryFiles(): void {
  removeAll();
  for (const signal of Object.keys(handlers) as Signal[]) process.off(signal, handlers[signal]);
}

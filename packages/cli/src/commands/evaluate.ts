import type { Io } from '../main.js';

export async function evaluateCommand(_argv: readonly string[], io: Io): Promise<number> {
  io.stdout.write('evaluate: not implemented yet\n');
  return 0;
}

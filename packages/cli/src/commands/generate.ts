import type { Io } from '../main.js';

export async function generateCommand(_argv: readonly string[], io: Io): Promise<number> {
  io.stdout.write('generate: not implemented yet\n');
  return 0;
}

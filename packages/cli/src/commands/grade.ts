import type { Io } from '../main.js';

export async function gradeCommand(_argv: readonly string[], io: Io): Promise<number> {
  io.stdout.write('grade: not implemented yet\n');
  return 0;
}

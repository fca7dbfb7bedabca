import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string, file = 'index.ts'): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${file}`, import.meta.url));
/** An alias for one import specifier exactly (a plain string key would also rewrite its subpaths). */
const exactly = (specifier: string, replacement: string) => ({
  find: new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`),
  replacement,
});

/**
 * Slow tests: those that run the built bin or build cohorts of thousands of cases (measured over
 * 3 s a file on an idle machine). They get a project of their own and a timeout that holds when
 * the shared 2-core machine runs at a load of 15; the fast ones keep a tighter one, so a test
 * that hangs is still caught.
 */
const SLOW = [
  'test/**/*.test.ts',
  'packages/generator/test/{difficulty,response,readings-over-time,schema-and-bounds,determinism,disease-trajectories}.test.ts',
  'packages/rules/test/criteria/properties-*.test.ts',
  'packages/rules/test/scoring/{properties,dose-check}.test.ts',
  'packages/quiz/test/view.test.ts',
  'packages/quiz/test/ui/*.test.ts',
  // Figures over hundreds of thousands of bins: 30 s is not enough on a loaded machine.
  'packages/sweep/test/sweep-figures.test.ts',
];

const fast = (name: string, include: string) => ({
  extends: true as const,
  test: { name, include: [include], exclude: SLOW, testTimeout: 30_000 },
});

// Vitest 4 ignores vitest.workspace.ts: projects are declared here (one per package, plus slow tests).
export default defineConfig({
  // Workspace packages resolve to their TypeScript source, so tests and watch mode need no build.
  // The CLI end-to-end tests still run the built bin (test/support/run-cli.ts), as users do.
  resolve: {
    alias: [
      exactly('@masdrill/rules', source('rules')),
      exactly('@masdrill/generator', source('generator')),
      exactly('@masdrill/quiz', source('quiz')),
      exactly('@masdrill/quiz/ui', source('quiz', 'ui/index.ts')),
      exactly('@masdrill/quiz/plain', source('quiz', 'ui/plain.ts')),
      exactly('@masdrill/quiz/welcome', source('quiz', 'ui/welcome.ts')),
      exactly('@masdrill/export', source('export')),
      exactly('@masdrill/sweep', source('sweep')),
      exactly('@masdrill/cli', source('cli')),
    ],
  },
  test: {
    projects: [
      fast('rules', 'packages/rules/test/**/*.test.ts'),
      fast('generator', 'packages/generator/test/**/*.test.ts'),
      fast('quiz', 'packages/quiz/test/**/*.test.{ts,tsx}'),
      fast('sweep', 'packages/sweep/test/**/*.test.ts'),
      fast('cli', 'packages/cli/test/**/*.test.ts'),
      { extends: true, test: { name: 'slow', include: SLOW, testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
  },
});

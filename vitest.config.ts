import { defineConfig } from 'vitest/config';

// Vitest 4 ignores vitest.workspace.ts: projects are declared here (one per package, plus cross-package tests).
// Timeouts are generous: on a shared 2-core machine (load ~18) cohort tests ran past the 5 s default.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'rules', include: ['packages/rules/test/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'generator', include: ['packages/generator/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'quiz', include: ['packages/quiz/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'sweep', include: ['packages/sweep/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'cross-package', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});

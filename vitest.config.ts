import { defineConfig } from 'vitest/config';

// A loaded shared machine ran several sound tests past the 5 s default (8 in one full run, all
// timeouts): tests never depend on speed, so every project gets a generous limit.
const SHARED_MACHINE_TIMEOUT = 60_000;

// Vitest 4 ignores vitest.workspace.ts: projects are declared here (one per package, plus cross-package tests).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'rules', include: ['packages/rules/test/**/*.test.ts'], testTimeout: SHARED_MACHINE_TIMEOUT } },
      { test: { name: 'generator', include: ['packages/generator/test/**/*.test.ts'], testTimeout: SHARED_MACHINE_TIMEOUT } },
      { test: { name: 'quiz', include: ['packages/quiz/test/**/*.test.ts'], testTimeout: SHARED_MACHINE_TIMEOUT } },
      { test: { name: 'export', include: ['packages/export/test/**/*.test.ts'], testTimeout: SHARED_MACHINE_TIMEOUT } },
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: SHARED_MACHINE_TIMEOUT } },
      { test: { name: 'cross-package', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});

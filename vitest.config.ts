import { defineConfig } from 'vitest/config';

// Vitest 4 ignores vitest.workspace.ts: projects are declared here (one per package, plus cross-package tests).
// Tests must not depend on the machine's speed: a shared 2-core machine under load runs a 1-second test in 10.
const SLOW_MACHINE_TIMEOUT = 60_000;

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'rules', include: ['packages/rules/test/**/*.test.ts'], testTimeout: SLOW_MACHINE_TIMEOUT } },
      { test: { name: 'generator', include: ['packages/generator/test/**/*.test.ts'], testTimeout: SLOW_MACHINE_TIMEOUT } },
      { test: { name: 'quiz', include: ['packages/quiz/test/**/*.test.ts'], testTimeout: SLOW_MACHINE_TIMEOUT } },
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: SLOW_MACHINE_TIMEOUT } },
      { test: { name: 'cross-package', include: ['test/**/*.test.ts'], testTimeout: SLOW_MACHINE_TIMEOUT } },
    ],
  },
});

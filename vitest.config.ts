import { defineConfig } from 'vitest/config';

// Vitest 4 ignores vitest.workspace.ts: projects are declared here (one per package, plus cross-package tests).
// Generous timeouts: the machines are shared, and a test must not depend on their speed (DESIGN.md).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'rules', include: ['packages/rules/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'generator', include: ['packages/generator/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'quiz', include: ['packages/quiz/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'cross-package', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});

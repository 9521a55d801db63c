import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The parser skips Chevrotain's grammar validations at run time, and the IR builder freezes the
    // trees it hands out only in its checking mode; tests keep both on.
    env: { FIREFLY_VALIDATE_GRAMMAR: '1', FIREFLY_FREEZE_IR: '1' },
    reporters: ['default', './tests/support/summaryReporter.ts'],
  },
});

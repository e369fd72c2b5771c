import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // The benches collect garbage before each measured run, so a peak is that run's, not what earlier runs left.
    execArgv: ['--expose-gc'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});

import { configDefaults, defineConfig } from 'vitest/config';

// The CLI is a client of the HTTP API: its tests say nothing new about the database under the
// server, so the PostgreSQL run (TEST_DATABASE_URL) leaves them out, except `serve` and `migrate`,
// which open the database themselves.
const cliClientTests = 'test/cli/**/!(serve).test.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [cliClientTests] : [])],
    // Tests that start server processes need more than the 5 s default on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

import { configDefaults, defineConfig } from 'vitest/config';

// The CLI is a client of the HTTP API: its tests say nothing new about the database under the
// server, so the PostgreSQL run (TEST_DATABASE_URL) leaves them out, except `serve` and `migrate`,
// which open the database themselves.
const cliClientTests = 'test/cli/**/!(serve).test.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [cliClientTests] : [])],
    // Vitest's default on 2 cores is one worker; most test time is spent waiting on servers, SMTP
    // sinks and CLI processes, so a second worker shortens the run by about a fifth.
    maxWorkers: 2,
    // Tests that start server processes need more than the 5 s default on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

import type { Command } from 'commander';
import { withExamples } from '../command-kit.js';
import { CliError } from '../cli-errors.js';
import { EXIT } from '../exit-codes.js';
import { printLine } from '../output.js';

/** Flags for the local server, as the environment variables the service reads (flags win). */
function serviceEnv(options: { port?: string; host?: string; databaseUrl?: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(options.port === undefined ? {} : { PORT: options.port }),
    ...(options.host === undefined ? {} : { HOST: options.host }),
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
  };
}

/** Bad settings are the caller's to fix (exit 2); anything else failed on the way up (exit 1). */
function startupError(error: unknown): CliError {
  const message = error instanceof Error ? error.message : String(error);
  const isConfig = error instanceof Error && (error.name === 'ConfigError' || error.name === 'UnsupportedDatabaseError');
  return new CliError(message, isConfig ? EXIT.usage : EXIT.failed);
}

export function registerServe(program: Command): void {
  withExamples(
    program
      .command('serve')
      .description('run the Breachline server here, configured by the environment (see README, Configuration)')
      .option('--port <port>', 'listen on this port (env PORT, default 3000)')
      .option('--host <host>', 'listen on this address (env HOST, default 127.0.0.1)')
      .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL, default sqlite:./data/breachline.db)'),
    ['BREACHLINE_ADMIN_TOKEN=change-me-to-a-long-secret breachline serve', 'breachline serve --port 8080 --database-url postgres://breachline@db/breachline'],
  ).action(async (options) => {
    // Loaded here, not at the top: client commands should not pay for the server's modules.
    const { runService } = await import('../../run-service.js');
    await runService(serviceEnv(options)).catch((error: unknown) => {
      throw startupError(error);
    });
  });

  withExamples(
    program
      .command('migrate')
      .description('bring the database schema up to date and exit (the server also does this when it starts)')
      .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL, default sqlite:./data/breachline.db)'),
    ['breachline migrate --database-url postgres://breachline@db/breachline'],
  ).action(async (options) => {
    const [{ loadConfig }, { connect }, { migrateToLatest }] = await Promise.all([
      import('../../config.js'),
      import('../../db/connect.js'),
      import('../../db/migrate.js'),
    ]);
    let applied: string[];
    try {
      const config = loadConfig(serviceEnv(options));
      const db = connect(config.databaseUrl, { poolSize: 1 });
      try {
        applied = await migrateToLatest(db);
      } finally {
        await db.close();
      }
    } catch (error) {
      throw startupError(error);
    }
    if (applied.length === 0) printLine('the schema is up to date; nothing to apply');
    for (const name of applied) printLine(`applied ${name}`);
  });
}

import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startBreachline } from './breachline.js';

/** `npm start`: configuration, database and migrations, workers, HTTP; a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const breachline = await startBreachline(config, logger);
  logger.info({ url: breachline.url, database: config.databaseUrl.split(':')[0] }, 'breachline started');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    breachline
      .stop()
      .then(() => {
        logger.info('stopped');
        process.exitCode = 0;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exitCode = 1;
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up failures (bad configuration, migration) end the process with the reason on stderr.
  process.stderr.write(`breachline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { startBreachline } from './breachline.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

/**
 * The service as a long-running process (`npm start`, `breachline serve`): configuration from the
 * environment, database and migrations, workers, HTTP; a clean stop on SIGTERM or SIGINT.
 * Resolves once it serves; start-up failures (bad configuration, migration) reject.
 */
export async function runService(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
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

import { runService } from './run-service.js';

/** `npm start`: the service on the environment's configuration. */
runService().catch((error: unknown) => {
  // Start-up failures (bad configuration, migration) end the process with the reason on stderr.
  process.stderr.write(`breachline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

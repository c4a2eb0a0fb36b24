import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerAlerts } from './commands/alerts.js';
import { registerAssess } from './commands/assess.js';
import { registerAudit } from './commands/audit.js';
import { registerDeliveries } from './commands/deliveries.js';
import { registerIncidents } from './commands/incidents.js';
import { registerLogin } from './commands/login.js';
import { registerNotices } from './commands/notices.js';
import { registerRecipients } from './commands/recipients.js';
import { registerServe } from './commands/serve.js';
import { registerTokens } from './commands/tokens.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  unexpected failure, or the server failed (5xx)
  2  bad arguments or an unreadable input file; nothing was sent
  3  the server could not be reached
  4  no token, or the token is unknown, revoked (401) or not allowed this (403)
  5  not found (404)
  6  the state refuses the action (409) or someone acted first (412)
  7  the server refused the input (400, 413, 415); the message names the field
  8  the check failed: a broken audit chain, a send that ended without completing
`;

/** The `breachline` command tree. Each group registers itself from its own file under commands/. */
export function buildProgram(): Command {
  const program = new Command('breachline')
    .description('Breachline from the terminal: drive incidents, notices and sends on a running server over its API.')
    .version(version)
    .option('--url <url>', 'the server (env BREACHLINE_URL; else the saved login; else http://127.0.0.1:3000)')
    .option('--token <token>', 'an API token (prefer env BREACHLINE_TOKEN or `breachline login`: flags show in the process list)')
    .option('--config <file>', 'the saved login (env BREACHLINE_CONFIG; default ~/.config/breachline/config.json)')
    // Usage errors are thrown, not exited on, so main() gives them their documented code.
    .exitOverride()
    // One line, like every other error: what was wrong, and where to read more.
    .configureOutput({ outputError: (text, write) => write(`${text.trim().replace(/^error: /, 'breachline: ').replace(/\n/g, ' ')} (see --help)\n`) })
    .addHelpText('after', EXIT_CODES_HELP);
  // Registered with program.command(...) so each subcommand inherits the settings above.
  registerLogin(program);
  registerServe(program);
  registerIncidents(program);
  registerAlerts(program);
  registerAssess(program);
  registerNotices(program);
  registerRecipients(program);
  registerDeliveries(program);
  registerAudit(program);
  registerTokens(program);
  return program;
}

import type { Command } from 'commander';
import { ApiClient } from '../api-client.js';
import { withExamples } from '../command-kit.js';
import { configPath, readSavedLogin, removeLogin, resolveConnection, resolveUrl, saveLogin, type ConnectionFlags, type SavedLogin } from '../cli-config.js';
import { usageError } from '../cli-errors.js';
import { printFields, printJson, say } from '../output.js';
import { readSecret } from '../secret-prompt.js';

interface TokenIdentity {
  id: string;
  name: string;
  role: string;
}

function savedOrNothing(path: string): SavedLogin | undefined {
  try {
    return readSavedLogin(path);
  } catch {
    return undefined;
  }
}

export function registerLogin(program: Command): void {
  withExamples(
    program
      .command('login')
      .description('check a token against the server and save both for later commands (file mode 0600)')
      .addHelpText('after', '\nThe token is read from --token, BREACHLINE_TOKEN, standard input, or a prompt that does not echo it.'),
    ['breachline --url https://breachline.example.com login', 'printf %s "$TOKEN" | breachline login'],
  ).action(async (_options, command: Command) => {
    const flags = command.optsWithGlobals<ConnectionFlags>();
    const path = configPath(flags);
    // A login replaces the saved one (same server unless told otherwise); a broken file must not stand in its way.
    const url = resolveUrl(flags, savedOrNothing(path));
    const token = flags.token ?? (process.env.BREACHLINE_TOKEN || (await readSecret(`Token for ${url}: `)));
    if (token === '') throw usageError('no token given: pipe it in, or set BREACHLINE_TOKEN');
    const identity = await new ApiClient({ url, token, tokenSource: 'flag' }).get<TokenIdentity>('/tokens/current');
    saveLogin(path, { url, token });
    say(`logged in to ${url} as ${identity.name} (${identity.role}); saved in ${path}`);
  });

  withExamples(program.command('logout').description('forget the saved login (the token stays valid until an admin revokes it)'), [
    'breachline logout',
    'breachline --config ./ci-login.json logout',
  ]).action((_options, command: Command) => {
      const path = configPath(command.optsWithGlobals<ConnectionFlags>());
      say(removeLogin(path) ? `removed ${path}` : `no saved login at ${path}`);
    });

  withExamples(
    program.command('whoami').description('the server and the token’s name and role').option('--json', 'print the API’s JSON'),
    ['breachline whoami'],
  ).action(async (options, command: Command) => {
    const connection = resolveConnection(command.optsWithGlobals<ConnectionFlags>());
    const identity = await new ApiClient(connection).get<TokenIdentity>('/tokens/current');
    if (options.json) return printJson(identity);
    printFields([
      ['Server', connection.url],
      ['Token', `${identity.name} (${identity.id})`],
      ['Role', identity.role],
      ['From', connection.tokenSource],
    ]);
  });
}

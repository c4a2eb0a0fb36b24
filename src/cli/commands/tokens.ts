import type { Command } from 'commander';
import { apiFor, withExamples } from '../command-kit.js';
import { printJson, printLine, printTable, say, utcTime } from '../output.js';

interface TokenJson {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export function registerTokens(program: Command): void {
  const tokens = program.command('tokens').description('issue, list and revoke API tokens (admin)');

  withExamples(
    tokens
      .command('create')
      .description('issue a token; prints its secret, shown only this once')
      .requiredOption('--name <name>', 'whom or what it is for, e.g. "prometheus" or "Dana (legal)"')
      .requiredOption('--role <role>', 'admin, responder, legal, ingest (alerts only) or viewer')
      .option('--json', 'print the API’s JSON (the secret included)'),
    ['INGEST=$(breachline tokens create --name prometheus --role ingest)', 'breachline tokens create --name "Dana (legal)" --role legal --json'],
  ).action(async (options, command: Command) => {
    const token = await apiFor(command).post<TokenJson & { token: string }>('/tokens', { name: options.name, role: options.role });
    if (options.json) return printJson(token);
    printLine(token.token);
    say(`issued token ${token.id} "${token.name}" (${token.role}); the secret above is not shown again`);
  });

  withExamples(
    tokens.command('list').description('every token, revoked ones too (never their secrets)').option('--json', 'print the API’s JSON'),
    ['breachline tokens list', 'breachline tokens list --json | jq -r \'.items[] | select(.revokedAt == null) | .id\''],
  ).action(async (options, command: Command) => {
    const list = await apiFor(command).get<{ items: TokenJson[] }>('/tokens');
    if (options.json) return printJson(list);
    printTable(
      ['ID', 'NAME', 'ROLE', 'PREFIX', 'CREATED (UTC)', 'REVOKED (UTC)'],
      list.items.map((t) => [t.id, t.name, t.role, t.prefix, utcTime(t.createdAt), utcTime(t.revokedAt)]),
    );
  });

  withExamples(
    tokens.command('revoke').argument('<id>', 'token id (see `tokens list`)').description('revoke a token; it stops working at once').option('--json', 'print the API’s JSON'),
    ['breachline tokens revoke 3f2c…'],
  ).action(async (id: string, options, command: Command) => {
    const token = await apiFor(command).delete<TokenJson>(`/tokens/${encodeURIComponent(id)}`);
    if (options.json) return printJson(token);
    say(`revoked token ${token.id} "${token.name}" (${token.role}) at ${utcTime(token.revokedAt)}`);
  });
}

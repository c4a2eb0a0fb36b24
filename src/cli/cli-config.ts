import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { usageError } from './cli-errors.js';

/** Where `npm start` listens unless told otherwise. */
const DEFAULT_URL = 'http://127.0.0.1:3000';

/** What `breachline login` saves: one server and the token for it. */
export interface SavedLogin {
  url: string;
  token: string;
}

export interface ConnectionFlags {
  url?: string;
  token?: string;
  config?: string;
}

export interface Connection {
  url: string;
  token: string | undefined;
  /** Where the token came from, to say so when it is refused. */
  tokenSource: 'flag' | 'environment' | 'config file' | 'none';
}

export function configPath(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): string {
  if (flags.config !== undefined) return flags.config;
  if (env.BREACHLINE_CONFIG !== undefined && env.BREACHLINE_CONFIG !== '') return env.BREACHLINE_CONFIG;
  const base = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'breachline', 'config.json');
}

/** A server URL without its trailing slashes, so saved and given URLs compare equal. */
function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usageError(`--url: "${raw}" is not a URL (expected e.g. ${DEFAULT_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`--url: must be http:// or https:// (got ${url.protocol})`);
  return url.toString().replace(/\/+$/, '');
}

export function readSavedLogin(path: string): SavedLogin | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw usageError(`config file ${path} is not valid JSON (${(error as Error).message}); run breachline login again`);
  }
  const saved = parsed as Partial<SavedLogin>;
  if (typeof saved.url !== 'string' || typeof saved.token !== 'string') {
    throw usageError(`config file ${path} lacks "url" or "token"; run breachline login again`);
  }
  if ((statSync(path).mode & 0o077) !== 0) {
    process.stderr.write(`breachline: warning: ${path} can be read by other users; run chmod 600 on it\n`);
  }
  return saved as SavedLogin;
}

/** Writes the login readable by its owner only, replacing any earlier one in one step. */
export function saveLogin(path: string, login: SavedLogin): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600); // the mode above is filtered by the umask
  renameSync(temporary, path);
}

export function removeLogin(path: string): boolean {
  if (!existsSync(path)) return false;
  rmSync(path);
  return true;
}

/** The server: flag, then environment, then the saved login, then where `npm start` listens. */
export function resolveUrl(flags: ConnectionFlags, saved: SavedLogin | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const given = flags.url ?? (env.BREACHLINE_URL !== undefined && env.BREACHLINE_URL !== '' ? env.BREACHLINE_URL : undefined);
  return normalizeUrl(given ?? saved?.url ?? DEFAULT_URL);
}

/**
 * The server and token, from flags, then the environment, then the saved login. A saved token is
 * sent only to the server it was saved for, never to another URL given by flag or environment.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Connection {
  const saved = readSavedLogin(configPath(flags, env));
  const url = resolveUrl(flags, saved, env);
  if (flags.token !== undefined) return { url, token: flags.token, tokenSource: 'flag' };
  if (env.BREACHLINE_TOKEN !== undefined && env.BREACHLINE_TOKEN !== '') return { url, token: env.BREACHLINE_TOKEN, tokenSource: 'environment' };
  if (saved !== undefined && normalizeUrl(saved.url) === url) return { url, token: saved.token, tokenSource: 'config file' };
  return { url, token: undefined, tokenSource: 'none' };
}

import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { configPath, resolveConnection } from '../../src/cli/cli-config.js';
import { cliHome } from './cli-runner.js';

const home = cliHome();
afterAll(() => home.remove());

describe('where the CLI finds its server and token', () => {
  it('takes flags over the environment over the saved login, and defaults to the local server', () => {
    writeFileSync(home.config, JSON.stringify({ url: 'https://bl.example.com/', token: 'saved' }), { mode: 0o600 });
    const env = { BREACHLINE_CONFIG: home.config };
    expect(resolveConnection({}, env)).toEqual({ url: 'https://bl.example.com', token: 'saved', tokenSource: 'config file' });
    expect(resolveConnection({}, { ...env, BREACHLINE_TOKEN: 'from-env' })).toMatchObject({ token: 'from-env', tokenSource: 'environment' });
    expect(resolveConnection({ token: 'from-flag' }, { ...env, BREACHLINE_TOKEN: 'from-env' })).toMatchObject({ token: 'from-flag', tokenSource: 'flag' });
    expect(resolveConnection({ url: 'https://bl.example.com' }, env).token).toBe('saved');
    // The saved token belongs to its server: another URL gets no token rather than that one.
    expect(resolveConnection({}, { ...env, BREACHLINE_URL: 'https://other.example.com' })).toEqual({
      url: 'https://other.example.com',
      token: undefined,
      tokenSource: 'none',
    });
    expect(resolveConnection({}, { BREACHLINE_CONFIG: `${home.dir}/none.json` }).url).toBe('http://127.0.0.1:3000');
  });

  it('finds the login file by flag, environment, XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configPath({ config: '/a.json' }, { BREACHLINE_CONFIG: '/b.json' })).toBe('/a.json');
    expect(configPath({}, { BREACHLINE_CONFIG: '/b.json', XDG_CONFIG_HOME: '/xdg' })).toBe('/b.json');
    expect(configPath({}, { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/breachline/config.json');
    expect(configPath({}, {})).toMatch(/\/\.config\/breachline\/config\.json$/);
  });

  it('refuses a URL that is not http or https', () => {
    expect(() => resolveConnection({ url: 'ftp://x' }, { BREACHLINE_CONFIG: `${home.dir}/none.json` })).toThrow('--url: must be http:// or https:// (got ftp:)');
    expect(() => resolveConnection({ url: 'not a url' }, { BREACHLINE_CONFIG: `${home.dir}/none.json` })).toThrow('is not a URL');
  });
});

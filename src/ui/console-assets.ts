import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { ConsoleEnv } from './console-env.js';

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));

/** Each folder's files joined in name order: one request per kind, and a page's parts stay in their own files. */
function bundle(folder: string, extension: string): string {
  const dir = join(ASSETS, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `/* ${name} */\n${readFileSync(join(dir, name), 'utf8')}`)
    .join('\n');
}

interface Asset {
  body: string;
  type: string;
  etag: string;
}

const asset = (body: string, type: string): Asset => ({ body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });

/**
 * The console's stylesheet and script, read once at start-up and served from this host only (the
 * console must work offline). Revalidated by ETag, so a new release's files are picked up at once.
 */
export function registerAssets(app: Hono<ConsoleEnv>): void {
  const assets = new Map<string, Asset>([
    ['console.css', asset(bundle('styles', '.css'), 'text/css; charset=utf-8')],
    ['console.js', asset(bundle('scripts', '.js'), 'text/javascript; charset=utf-8')],
  ]);
  app.get('/assets/:name', (c) => {
    const found = assets.get(c.req.param('name'));
    if (found === undefined) return c.text('not found', 404);
    const headers = { ETag: found.etag, 'Cache-Control': 'no-cache', 'Content-Type': found.type };
    if (c.req.header('If-None-Match') === found.etag) return c.body(null, 304, headers);
    return c.body(found.body, 200, headers);
  });
}

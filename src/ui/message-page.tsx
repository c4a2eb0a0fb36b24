import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout, renderPage } from './layout.js';
import type { PageContext } from './page-context.js';

/** A page that only explains (not found, not allowed, session ended), with a way on. */
export function messagePage(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  detail: string,
  ctx: PageContext | null,
  next: { href: string; label: string } = { href: '/console/incidents', label: 'Back to incidents' },
): Promise<Response> {
  return renderPage(
    c,
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <a href={next.href}>{next.label}</a>
      </p>
    </Layout>,
    status,
  );
}

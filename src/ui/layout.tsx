import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CSRF_FIELD } from './console-csrf.js';
import type { PageContext } from './page-context.js';

export type Section = 'incidents' | 'alerts';

interface LayoutProps {
  /** Null on pages before sign-in: no navigation, no sign-out. */
  ctx: PageContext | null;
  title: string;
  section?: Section;
  /** Lines drawn under the heading (ids, badges); the heading itself is the title. */
  children?: Child;
  /** Extra markup for <head>, such as a no-script refresh while a send runs. */
  head?: Child;
}

const NAV: Array<{ section: Section; href: string; label: string }> = [
  { section: 'incidents', href: '/console/incidents', label: 'Incidents' },
  { section: 'alerts', href: '/console/alerts', label: 'Alerts' },
];

/**
 * The frame of every console page: a skip link, the navigation, who is signed in, the flash message,
 * then the page. Styles and the small script come from /console/assets (no other host: offline).
 */
export function Layout(props: LayoutProps) {
  const { ctx } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · Breachline</title>
        {/* No icon: the browser would otherwise ask for /favicon.ico on every page. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer></script>
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <a class="brand" href="/console/incidents">
            Breachline
          </a>
          {ctx !== null && (
            <>
              <nav aria-label="Main">
                <ul>
                  {NAV.map((item) => (
                    <li>
                      <a href={item.href} aria-current={props.section === item.section ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <div class="signed-in">
                <span>
                  {ctx.actor.name} <span class="role">({ctx.actor.role})</span>
                </span>
                <form method="post" action="/console/sign-out">
                  <input type="hidden" name={CSRF_FIELD} value={ctx.csrfToken} />
                  <button type="submit" class="link-button">
                    Sign out
                  </button>
                </form>
              </div>
            </>
          )}
        </header>
        <main id="main" tabindex={-1}>
          {ctx?.flash != null && (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          )}
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** Sends a page as a whole HTML document. */
export async function renderPage(c: Context, page: HtmlEscapedString | Promise<HtmlEscapedString>, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(`<!doctype html>${await page}`, status);
}

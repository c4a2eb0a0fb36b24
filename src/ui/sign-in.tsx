import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ForbiddenError } from '../errors.js';
import { safeNext } from './console-auth.js';
import { clearSessionCookie, clearSignInCookie, readCookie, setSessionCookie, setSignInCookie, SIGN_IN_COOKIE } from './console-cookies.js';
import { fromOtherSite, sameToken } from './console-csrf.js';
import type { ConsoleEnv } from './console-env.js';
import type { ConsoleSessions } from './console-sessions.js';
import { Field } from './components/forms.js';
import { readForm, text } from './form-action.js';
import { Layout, renderPage } from './layout.js';

const NONCE_FIELD = 'signInNonce';

function signInPage(c: Context, next: string, error: string | null = null, status: ContentfulStatusCode = 200): Promise<Response> {
  const nonce = randomBytes(24).toString('base64url');
  setSignInCookie(c, nonce);
  return renderPage(
    c,
    <Layout ctx={null} title="Sign in">
      <h1>Sign in</h1>
      <p>
        Paste the API token you were given. The console exchanges it for a session that lasts until you sign out or it expires; the token
        itself is not kept in the browser.
      </p>
      <form method="post" action="/console/sign-in" class="narrow">
        <input type="hidden" name={NONCE_FIELD} value={nonce} />
        <input type="hidden" name="next" value={next} />
        <Field form="sign-in" label="API token" name="token" type="password" required autocomplete="off" error={error ?? undefined} />
        <button type="submit">Sign in</button>
      </form>
    </Layout>,
    status,
  );
}

/** Sign-in (token to session cookie) and sign-out. Sign-out is behind the session and its CSRF check. */
export function registerSignIn(app: Hono<ConsoleEnv>, sessions: ConsoleSessions): void {
  app.get('/sign-in', (c) => signInPage(c, safeNext(c.req.query('next'))));

  app.post('/sign-in', async (c) => {
    const form = await readForm(c);
    const next = safeNext(text(form, 'next'));
    // A page of another site could post a token of its own choosing and sign the victim in as it.
    if (fromOtherSite(c) || !sameToken(text(form, NONCE_FIELD), readCookie(c, SIGN_IN_COOKIE) ?? '')) {
      return signInPage(c, next, 'The sign-in form expired or did not come from this console. Try again.', 403);
    }
    const token = text(form, 'token');
    if (token.trim() === '') return signInPage(c, next, 'Enter your API token.', 400);
    try {
      const signedIn = await sessions.signIn(token);
      if (signedIn === null) return signInPage(c, next, 'That token is unknown or has been revoked.', 401);
      clearSignInCookie(c);
      setSessionCookie(c, signedIn.cookieSecret, signedIn.session.expiresAt);
      c.get('logger').info({ tokenId: signedIn.session.actor.id, sessionId: signedIn.session.id }, 'console sign-in');
      return c.redirect(next, 303);
    } catch (error) {
      if (error instanceof ForbiddenError) return signInPage(c, next, error.message, 403);
      throw error;
    }
  });
}

export function registerSignOut(app: Hono<ConsoleEnv>, sessions: ConsoleSessions): void {
  app.post('/sign-out', async (c) => {
    await sessions.signOut(c.get('session').id);
    clearSessionCookie(c);
    return c.redirect('/console/sign-in', 303);
  });
}

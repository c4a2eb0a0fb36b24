import type { Logger } from 'pino';
import type { ConsoleSession } from './console-sessions.js';

/** What the console's middleware puts on each request for the pages after it. */
export interface ConsoleEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Set by requireSession on every page but sign-in and the static files. */
    session: ConsoleSession;
    /** A one-time message from the action that redirected here ("Scope saved."). */
    flash: string | null;
  };
}

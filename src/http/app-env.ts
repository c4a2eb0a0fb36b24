import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.js';

/** What middleware puts on each request's context for the handlers after it. */
export interface AppEnv {
  Variables: {
    requestId: string;
    actor: Actor;
    logger: Logger;
  };
}

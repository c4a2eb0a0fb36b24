/** Roles a token can hold; what each may do is decided per route and per lifecycle event. */
export const ROLES = ['admin', 'responder', 'legal', 'ingest', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who did something. `token` actors are people or integrations holding an API token (identified by
 * the token's id and name, never the secret); `system` actors are Breachline's own workers.
 */
export type Actor =
  | { kind: 'token'; id: string; name: string; role: Role }
  | { kind: 'system'; id: string };

export const systemActor = (id: string): Actor => ({ kind: 'system', id });

/** Who did it, as stored on records: `token:<id>` or `system:<worker>`; never a secret. */
export const actorRef = (actor: Actor): string => `${actor.kind}:${actor.id}`;

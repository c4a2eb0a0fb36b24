import type { Actor } from '../../src/auth/actor.js';

export const responder: Actor = { kind: 'token', id: 'tok-responder', name: 'on-call responder', role: 'responder' };
export const legal: Actor = { kind: 'token', id: 'tok-legal', name: 'privacy counsel', role: 'legal' };
export const admin: Actor = { kind: 'token', id: 'tok-admin', name: 'admin', role: 'admin' };
export const viewer: Actor = { kind: 'token', id: 'tok-viewer', name: 'auditor', role: 'viewer' };
export const notices = { kind: 'system', id: 'notices' } as const satisfies Actor;
export const engine = { kind: 'system', id: 'obligations' } as const satisfies Actor;

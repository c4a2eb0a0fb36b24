import { InvalidInputError } from '../errors.js';
import type { AuthorityContacts } from './authority-contacts.js';

/** Where an emailed report's addresses came from, most specific first. */
export type AddressSource = 'request' | 'settings' | 'regime';

/**
 * The authority's addresses for one report: the request's own `to`, else the organisation's
 * setting for the regime, else the address the regime file publishes. None of these is guessed:
 * with none of them, the caller is told where to give one.
 */
export async function authorityAddresses(
  contacts: AuthorityContacts,
  regimeId: string,
  requested: readonly string[] | undefined,
  regimeEmail: string | undefined,
): Promise<{ to: string[]; source: AddressSource }> {
  if (requested !== undefined && requested.length > 0) return { to: [...requested], source: 'request' };
  const setting = await contacts.find(regimeId);
  if (setting !== null) return { to: setting.emails, source: 'settings' };
  if (regimeEmail !== undefined) return { to: [regimeEmail], source: 'regime' };
  const message = `no address is known for the ${regimeId} authority: give "to", or have an admin set one with PUT /api/v1/settings/authority-contacts/${regimeId}`;
  throw new InvalidInputError(message, [{ path: 'to', message }]);
}

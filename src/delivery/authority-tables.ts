import type { Selectable } from 'kysely';

/** Where the organisation sends each regime's regulator reports (admin settings). */
export interface AuthorityContactsTable {
  regimeId: string;
  /** JSON array of addresses. */
  emails: string;
  /** The authority's name as the organisation knows it, e.g. "ICO breach reporting team". */
  name: string | null;
  updatedBy: string;
  updatedAt: string;
}

declare module '../db/tables.js' {
  interface Database {
    authorityContacts: AuthorityContactsTable;
  }
}

export type AuthorityContactRow = Selectable<AuthorityContactsTable>;

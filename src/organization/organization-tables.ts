import type { Selectable } from 'kysely';

/** The organisation's settings: at most one row, id `default`. */
export interface OrganizationSettingsTable {
  id: string;
  name: string | null;
  senderName: string | null;
  senderAddress: string | null;
  updatedBy: string;
  updatedAt: string;
}

declare module '../db/tables.js' {
  interface Database {
    organizationSettings: OrganizationSettingsTable;
  }
}

export type OrganizationSettingsRow = Selectable<OrganizationSettingsTable>;

import type { Selectable } from 'kysely';

export interface ConsoleSessionsTable {
  id: string;
  secretHash: string;
  tokenId: string;
  createdAt: string;
  expiresAt: string;
}

declare module '../db/tables.js' {
  interface Database {
    consoleSessions: ConsoleSessionsTable;
  }
}

export type ConsoleSessionRow = Selectable<ConsoleSessionsTable>;

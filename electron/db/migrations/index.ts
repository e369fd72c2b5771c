import * as m0001 from './0001-init.js';
import * as m0002 from './0002-medical-policy.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** In order. Append only: never edit or renumber a migration that has shipped. */
export const migrations: Migration[] = [
  { id: 1, name: 'init', sql: m0001.sql },
  { id: 2, name: 'medical_policy', sql: m0002.sql },
];

import * as m0001 from './0001-init.js';
import * as m0002 from './0002-medical-policy.js';
import * as m0003 from './0003-medical-claim.js';
import * as m0004 from './0004-packages.js';
import * as m0005 from './0005-audit-chain.js';
import * as m0006 from './0006-accounts.js';
import * as m0007 from './0007-review.js';
import * as m0008 from './0008-school-aid.js';
import * as m0009 from './0009-housing-repair.js';
import * as m0010 from './0010-water.js';
import * as m0011 from './0011-perf-indexes.js';
import type { Tx } from '../driver.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  /** Work SQL cannot do (hashing), run after `sql` in the same transaction. */
  after?: (tx: Tx) => Promise<void>;
}

/** In order. Append only: never edit or renumber a migration that has shipped. */
export const migrations: Migration[] = [
  { id: 1, name: 'init', sql: m0001.sql },
  { id: 2, name: 'medical_policy', sql: m0002.sql },
  { id: 3, name: 'medical_claim', sql: m0003.sql },
  { id: 4, name: 'packages', sql: m0004.sql },
  { id: 5, name: 'audit_chain', sql: m0005.sql, after: m0005.after },
  { id: 6, name: 'accounts', sql: m0006.sql },
  { id: 7, name: 'review', sql: m0007.sql },
  { id: 8, name: 'school_aid', sql: m0008.sql, after: m0008.after },
  { id: 9, name: 'housing_repair', sql: m0009.sql },
  { id: 10, name: 'water', sql: m0010.sql, after: m0010.after },
  { id: 11, name: 'perf_indexes', sql: m0011.sql },
];

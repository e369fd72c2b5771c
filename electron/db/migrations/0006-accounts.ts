/** Local accounts. Passwords are scrypt hashes; a run of wrong passwords locks the account. */
export const sql = `
CREATE TABLE account (
  id              TEXT PRIMARY KEY,
  username        TEXT NOT NULL,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'clerk', 'viewer')),
  password_hash   TEXT NOT NULL,
  disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  last_login_at   TEXT,
  row_version     INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE UNIQUE INDEX account_username_live ON account(lower(username)) WHERE deleted_at IS NULL;
`;

/**
 * How the writer connection sets up a workstation file. The bench fixtures are keyed by this
 * file (bench/support/fixtures.ts): a file laid out by other settings is not measured.
 *
 * Pages of 8 KiB instead of SQLite's 4 KiB: a county's audit rows are ≈ 1 KB each and its claim
 * table carries eleven indexes, so a package merge touches fewer pages, splits fewer and writes
 * fewer WAL frames. Measured on the county import of 20 packages (fresh process each, interleaved):
 * 38.9/41.0/40.3 s against 43.9/46.8/45.0 s with 4 KiB (16 KiB: 41.5/40.3/42.8 s); the townships'
 * export the same (19.2–20.7 s against 19.6–20.6 s). SQLite fixes the page size when the first
 * table is written, so it applies to new files only and must come before WAL mode; an existing
 * file keeps its own. The cache is given in KiB (64 MiB whatever the page size): a county's
 * claim table and its indexes are hundreds of MB, and with SQLite's 2 MiB every insert into an
 * index in random order (by person, by hospital) re-read its pages.
 */
export const WRITER_PRAGMAS = `
  PRAGMA page_size = 8192;
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
  PRAGMA foreign_keys = ON;
  PRAGMA busy_timeout = 5000;
  PRAGMA cache_size = -65536;
`;

/**
 * How the writer connection sets up a workstation file. The bench fixtures are keyed by these
 * pragmas (bench/support/fixtures.ts), so a file laid out by other settings is not measured.
 *
 * 8 KiB pages, not SQLite's 4 KiB: a county's audit rows are ≈ 1 KB and each claim goes into
 * twelve B-trees, so a package merge touches, splits and writes fewer pages (county import −9 %,
 * docs/PERFORMANCE.md, seventh round). SQLite fixes the page size when the first table is
 * written, so it must come before WAL mode and applies to new files only; an existing file keeps
 * its own. The cache is given in KiB (64 MiB whatever the page size): with SQLite's 2 MiB every
 * insert into an index in random order (by person, by hospital) re-read its pages.
 */
export const WRITER_PRAGMAS = `
  PRAGMA page_size = 8192;
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
  PRAGMA foreign_keys = ON;
  PRAGMA busy_timeout = 5000;
  PRAGMA cache_size = -65536;
`;

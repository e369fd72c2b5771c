/**
 * Minimal logger. Callers pass method names and errors, never record contents: ID, card and
 * phone numbers must not reach logs (PIPL). Error messages from SQLite name columns, not values.
 */
function line(level: string, message: string, err?: unknown): string {
  const detail = err instanceof Error ? ` ${err.name}: ${err.message}\n${err.stack ?? ''}` : '';
  return `${new Date().toISOString()} ${level} ${message}${detail}`;
}

export const logger = {
  info(message: string): void {
    if (process.env.TAIZHANG_QUIET !== '1') console.log(line('INFO', message));
  },
  error(message: string, err?: unknown): void {
    console.error(line('ERROR', message, err));
  },
};

import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { UsageError } from '../output.js';
import { serveBrowserMode } from '../../app/browser-mode.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve --db FILE [--port N]',
  options: { db: { type: 'string' }, port: { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
    await serveBrowserMode(db, port);
    // Runs until interrupted; the process stays alive on the server.
    return new Promise(() => undefined);
  },
};

/**
 * `taizhang` command line. Exit codes: 0 done, 1 rejected input (with the reasons), 2 bad usage,
 * 3 a package or receipt refused on integrity or signature.
 */
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { EXIT, UsageError, describeError, type CommandResult } from './output.js';
import { CallFailed } from './session.js';
import { initCommand } from './commands/init.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { serveCommand } from './commands/serve.js';
import { verifyAuditCommand } from './commands/verify-audit.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { addAccountCommand } from './commands/add-account.js';
import { exportPackageCommand, importPackageCommand, verifyPackageCommand } from './commands/packages.js';
import { importReceiptCommand, keysCommand, makeReceiptCommand } from './commands/receipts.js';
import { reportCommand } from './commands/report.js';
import { AppError } from '../../shared/domain/app-error.js';

const commands: Command[] = [initCommand, importCommand, exportCommand, serveCommand, checkCommand, demoCommand, verifyAuditCommand, backupCommand, restoreCommand, addAccountCommand,
  exportPackageCommand, verifyPackageCommand, importPackageCommand, makeReceiptCommand, importReceiptCommand, keysCommand, reportCommand];

function usage(): string {
  return ['用法 / usage: taizhang <command> [options]', ...commands.map((c) => `  taizhang ${c.usage}`)].join('\n');
}

function print(result: CommandResult, json: boolean): void {
  if (json) console.log(JSON.stringify(result.json, null, 2));
  else for (const line of result.lines) console.log(line);
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  const json = rest.includes('--json');
  if (!command) {
    console.error(name && name !== '--help' ? `未知命令 / unknown command: ${name}\n${usage()}` : usage());
    return name === '--help' ? EXIT.done : EXIT.usage;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    const result = await command.run(values as Record<string, string | boolean | undefined>, positionals);
    print(result, json);
    return result.exitCode;
  } catch (err) {
    if (err instanceof CallFailed) {
      print({ exitCode: EXIT.rejected, json: { ok: false, error: err.error }, lines: await describeError(err.error) }, json);
      return EXIT.rejected;
    }
    // Commands that call services directly (packages) meet AppErrors, not CallFailed.
    if (err instanceof AppError) {
      const error = { kind: err.kind, code: err.code, params: err.params, issues: err.issues };
      print({ exitCode: EXIT.rejected, json: { ok: false, error }, lines: await describeError(error) }, json);
      return err.kind === 'integrity' ? EXIT.refused : EXIT.rejected;
    }
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${err.message}\n  taizhang ${command.usage}`);
      return EXIT.usage;
    }
    throw err;
  }
}

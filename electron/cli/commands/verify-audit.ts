import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT } from '../output.js';
import { withSession } from '../session.js';
import { verifyAuditChain } from '../../services/audit-chain.js';

const PROBLEM: Record<string, string> = {
  hash: '内容与哈希不符（记录被修改）',
  prev: '与上一条的哈希不衔接（记录被替换或插入）',
  gap: '序号不连续（记录被删除）',
  missing: '缺少哈希',
};

export const verifyAuditCommand: Command = {
  name: 'verify-audit',
  usage: 'verify-audit --db FILE [--json]',
  options: { db: { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    return withSession(db, async ({ workstation }) => {
      const report = await verifyAuditChain(workstation.db.reader);
      const lines = report.ok
        ? [`审计记录完整：${report.rows} 条，链头 #${report.head.seq} ${report.head.hash.slice(0, 16)}…`]
        : [`审计记录在第 #${report.firstBreak!.seq} 条断开：${PROBLEM[report.firstBreak!.problem]}；此前 ${report.rows} 条完好`];
      return { exitCode: report.ok ? EXIT.done : EXIT.rejected, json: report, lines };
    });
  },
};

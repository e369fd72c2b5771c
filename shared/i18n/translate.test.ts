import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator, describeIssue, fieldLabel, resources } from './translate.js';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';
import { enums } from '../domain/enums.js';
import { parseIdNumber } from '../domain/id-number.js';
import { parseMoney } from '../domain/money.js';

const DOMAIN_DIR = new URL('../domain/', import.meta.url);

/** The `code` of every `issue(field, 'code', …)` call in the non-test sources of shared/domain. */
function domainIssueCodes(): Map<string, string> {
  const codes = new Map<string, string>(); // code → file that produces it
  // Recursive: sub-folders such as domain/medical/ produce codes too.
  const files = readdirSync(DOMAIN_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const file of files) {
    const source = readFileSync(new URL(file, DOMAIN_DIR), 'utf8');
    // First argument: anything without a top-level comma, allowing one level of parentheses (`at('name')`).
    const call = /\bissue\(\s*(?:[^,()]|\([^()]*\))+,\s*(['"`])([^'"`]+)\1/g;
    for (const m of source.matchAll(call)) codes.set(m[2]!, file);
  }
  return codes;
}

/** `{{name}}` placeholders of a message. */
const placeholders = (message: string) => [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

describe('issue codes produced by shared/domain', () => {
  const codes = domainIssueCodes();

  it('finds the codes (the scan itself works)', () => {
    for (const known of ['required', 'idNumber.checksum', 'idNumber.legacy15', 'money.tooManyDecimals', 'household.manyHeads', 'areaCode.format', 'person.disabilityWithoutHealth', 'phone.format', 'medical.layerNotInYear', 'medical.differsFromProposal']) {
      expect(codes.has(known), `scan should find ${known}`).toBe(true);
    }
    expect(codes.size).toBeGreaterThanOrEqual(20);
  });

  it('every one has a zh-CN message', () => {
    const missing = [...codes].filter(([code]) => !Object.hasOwn(zhCN.issue, code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every one translates to Chinese text rather than falling back to the code', async () => {
    const t = (await createTranslator('zh-CN')).t;
    for (const code of codes.keys()) {
      const text = t(`issue.${code}`, { defaultValue: '«missing»' });
      expect(text, code).not.toBe('«missing»');
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('message files', () => {
  it('English messages use the same placeholders as the Chinese ones', () => {
    const zhIssues = zhCN.issue as Record<string, string>;
    for (const [key, message] of Object.entries(en.issue ?? {})) {
      expect(zhIssues[key], `issue.${key} exists in zh-CN`).toBeDefined();
      expect(placeholders(message!), `issue.${key}`).toEqual(placeholders(zhIssues[key]!));
    }
    const zhErrors = zhCN.error as Record<string, string>;
    for (const [key, message] of Object.entries(en.error ?? {})) {
      expect(placeholders(message!), `error.${key}`).toEqual(placeholders(zhErrors[key]!));
    }
  });

  it('every enumeration value has a Chinese label', () => {
    const labels = zhCN.enum as Record<string, Record<string, string>>;
    for (const [name, values] of Object.entries(enums)) {
      for (const value of values) expect(labels[name]?.[value], `enum.${name}.${value}`).toBeTruthy();
    }
  });

  it('exposes both languages', () => {
    expect(Object.keys(resources).sort()).toEqual(['en', 'zh-CN']);
  });
});

describe('fieldLabel', () => {
  it('labels plain fields', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(fieldLabel(t, 'idNumber')).toBe('身份证号');
    expect(fieldLabel(t, 'householdNo')).toBe('户编号');
    expect(fieldLabel(t, 'members')).toBe('家庭成员');
    expect(fieldLabel(t, 'amount')).toBe('金额');
  });

  it('turns a 0-based member index into a 1-based member label', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(fieldLabel(t, 'members.2.idNumber')).toBe('第 3 位成员 身份证号');
    expect(fieldLabel(t, 'members.0.name')).toBe('第 1 位成员 姓名');
    expect(fieldLabel(t, 'members.11.disabilityGrade')).toBe('第 12 位成员 残疾等级');
  });

  it('falls back to the raw name for an unknown field and skips other indexes', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(fieldLabel(t, 'mysteryField')).toBe('mysteryField');
    expect(fieldLabel(t, 'layers.0.amount')).toBe('layers 金额');
  });

  it('labels in English', async () => {
    const t = (await createTranslator('en')).t;
    expect(fieldLabel(t, 'members.2.idNumber')).toBe('member 3 ID number');
  });
});

describe('describeIssue', () => {
  it('gives field and reason in Chinese', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(describeIssue(t, { field: 'members.2.idNumber', code: 'idNumber.checksum', params: { expected: 'X', actual: '1' } })).toBe(
      '第 3 位成员 身份证号：校验位错误：应为 X，输入的是 1',
    );
    expect(describeIssue(t, { field: 'members', code: 'household.manyHeads', params: { count: 2 } })).toBe('家庭成员：必须有且只有一位户主，现在有 2 位');
    expect(describeIssue(t, { field: 'householdNo', code: 'required' })).toBe('户编号：必填');
  });

  it('describes what the domain functions return', async () => {
    const t = (await createTranslator('zh-CN')).t;
    const legacy = parseIdNumber('371502800101001', 'members.0.idNumber', '2024-06-15');
    expect(legacy.ok).toBe(false);
    if (!legacy.ok) {
      expect(describeIssue(t, legacy.issue)).toBe('第 1 位成员 身份证号：这是 15 位旧号码，对应的 18 位号码为 371502198001010018，请确认后改用');
    }
    const money = parseMoney('1.234');
    if (!money.ok) expect(describeIssue(t, money.issue)).toBe('金额：最多两位小数（精确到分）');
    const badChar = parseIdNumber('37150219800O010018', 'idNumber', '2024-06-15');
    if (!badChar.ok) expect(describeIssue(t, badChar.issue)).toBe('身份证号：第 12 位“O”无效：前 17 位只能是数字，最后一位是数字或 X');
  });

  it('puts the sheet row first, and prefers the column header to the field', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(describeIssue(t, { field: 'idNumber', code: 'idNumber.duplicateInSheet', params: { row: 3 }, row: 7, column: '公民身份号码' })).toBe(
      '第 7 行 公民身份号码：与表中第 3 行重复',
    );
    expect(describeIssue(t, { field: 'idNumber', code: 'required', row: 2 })).toBe('第 2 行 身份证号：必填');
  });

  it('gives the reason alone when there is no field', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(describeIssue(t, { field: '', code: 'household.noMembers' })).toBe('至少要有一位家庭成员');
  });

  it('falls back to the code for an unknown issue', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(describeIssue(t, { field: 'name', code: 'no.such.code' })).toBe('姓名：no.such.code');
  });

  it('speaks English, with an English colon, and falls back to Chinese for missing messages', async () => {
    const t = (await createTranslator('en')).t;
    expect(describeIssue(t, { field: 'members.2.idNumber', code: 'idNumber.checksum', params: { expected: 'X', actual: '1' } })).toBe(
      'member 3 ID number: wrong check character: expected X, got 1',
    );
    expect(describeIssue(t, { field: 'members', code: 'household.manyHeads', params: { count: 3 } })).toBe('Members: needs exactly one head; there are 3');
    // No English text yet for money.negative: the Chinese one is shown.
    expect(describeIssue(t, { field: 'amount', code: 'money.negative' })).toBe('Amount: 金额不能为负数');
  });

  it('does not interpret user-typed values as markup or nested keys', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(describeIssue(t, { field: 'villageCode', code: 'village.unknown', params: { value: '<b>$t(app.title)</b>{{x}}' } })).toBe(
      '村：村 <b>$t(app.title)</b>{{x}} 不在本乡镇的村列表中',
    );
  });
});

describe('createTranslator', () => {
  it('defaults to Chinese', async () => {
    const i18n = await createTranslator();
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('app.title')).toBe('台账');
  });

  it('gives independent instances', async () => {
    const zh = await createTranslator('zh-CN');
    const english = await createTranslator('en');
    expect(english.t('app.title')).toBe('Taizhang');
    expect(zh.t('app.title')).toBe('台账');
  });
});

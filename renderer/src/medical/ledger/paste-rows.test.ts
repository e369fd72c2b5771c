import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../shared/i18n/translate.js';
import { pastedRows } from './paste-rows.js';

const t = (await createTranslator('zh-CN')).t;

describe('pastedRows', () => {
  it('maps cells in the standard sheet order and skips a copied header line', () => {
    const text = [
      '身份证号\t姓名\t就诊类型\t医院名称\t医院等级\t入院日期\t出院日期\t诊断\t医疗总费用\t政策范围内费用\t基本医疗保险',
      '37150219550312011x\t张三\t门诊慢病\t东城卫生院\t乡镇卫生院\t2020/4/2\t20200402\t高血压\t300\t280\t200',
    ].join('\r\n');
    const { rows, tooWide } = pastedRows(t, text);
    expect(tooWide).toBeNull();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      idNumber: '37150219550312011X', name: '张三',
      values: { visitType: 'chronic_outpatient', hospitalLevel: 'township', admissionDate: '2020-04-02', dischargeDate: '2020-04-02', totalCost: '300', basicInsurance: '200' },
    });
  });

  it('keeps a choice it does not know as typed, for the row to refuse', () => {
    const { rows } = pastedRows(t, 'X\t李四\t急诊\tA');
    expect(rows[0]!.values.visitType).toBe('急诊');
  });

  it('refuses rows wider than the standard sheet', () => {
    expect(pastedRows(t, Array(20).fill('1').join('\t')).tooWide).toBe(20);
  });
});

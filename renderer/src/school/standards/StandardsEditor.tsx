/**
 * 资助标准: per year, the expected amount for each 学段 × 项目 × 学期, and the usual age of each
 * 学段. Everyone may look; administrators edit (every change audited). Amounts typed in yuan.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { useAuth } from '../../auth/auth-context.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import type { SchoolAidItem, SchoolStage, SchoolTerm } from '../../../../shared/domain/enums.js';
import { formatYuan, parseMoney } from '../../../../shared/domain/money.js';
import { can } from '../../../../shared/domain/roles.js';

interface StandardLine { key: number; stage: SchoolStage; item: SchoolAidItem; term: SchoolTerm; amount: string }
interface AgeLine { stage: SchoolStage; minAge: string; maxAge: string }

let nextKey = 1;

export function StandardsEditor() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { me } = useAuth();
  const isAdmin = can(me.role, 'admin');
  const [year, setYear] = useState<number | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [lines, setLines] = useState<StandardLine[]>([]);
  const [ages, setAges] = useState<AgeLine[]>([]);
  const [example, setExample] = useState(false);
  const [bad, setBad] = useState<Set<number>>(new Set());

  const load = useCallback(async (y: number | null) => {
    try {
      const s = await invoke('school/standards/get', { year: y });
      setYear(s.year);
      setYears(s.years.includes(s.year) ? s.years : [s.year, ...s.years]);
      setLines(s.standards.map((r) => ({ key: nextKey++, stage: r.stage, item: r.item, term: r.term, amount: formatYuan(r.amountFen) })));
      setAges(s.ageRanges.map((r) => ({ stage: r.stage, minAge: String(r.minAge), maxAge: String(r.maxAge) })));
      setExample(s.example);
      setBad(new Set());
    } catch (err) {
      notices.error(err);
    }
  }, [notices]);

  useEffect(() => {
    void load(null);
  }, [load]);

  const save = async () => {
    if (year === null) return;
    const parsed = lines.map((l) => ({ l, money: parseMoney(l.amount) }));
    const wrong = new Set(parsed.filter((p) => !p.money.ok).map((p) => p.l.key));
    setBad(wrong);
    if (wrong.size > 0) return;
    try {
      await invoke('school/standards/save', {
        year,
        standards: parsed.map(({ l, money }) => ({ stage: l.stage, item: l.item, term: l.term, amountFen: money.ok ? money.fen : 0 })),
        ageRanges: ages.map((a) => ({ stage: a.stage, minAge: Number(a.minAge), maxAge: Number(a.maxAge) })),
      });
      notices.success(t('ui.school.standards.saved', { year }));
      await load(year);
    } catch (err) {
      notices.error(err);
    }
  };

  const setLine = (key: number, patch: Partial<StandardLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const newYear = () => {
    // A new year starts as a copy of the one shown, to be edited.
    const next = Math.max(...years, new Date().getFullYear() - 1) + 1;
    setYears((ys) => [next, ...ys]);
    setYear(next);
  };

  return (
    <div
      className="school-standards"
      onKeyDown={(e) => {
        if (isAdmin && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="toolbar">
        <div className="toolbar-group">
          <label className="inline-field">
            <span>{t('ui.school.standards.year')}</span>
            <select className="input select" value={year ?? ''} onChange={(e) => void load(Number(e.target.value))}>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
          {isAdmin && <button type="button" className="button" onClick={newYear}>{t('ui.school.standards.copyFrom', { year: year ?? '' })}</button>}
        </div>
        {isAdmin && <button type="button" className="button button-primary" onClick={() => void save()}>{t('ui.school.standards.save')}</button>}
      </div>
      {example && <p className="callout callout-warn">{t('ui.school.standards.example')}</p>}
      {!isAdmin && <p className="callout">{t('ui.school.standards.adminOnly')}</p>}
      <fieldset disabled={!isAdmin} className="school-standards-body">
        <table className="policy-table school-standards-table">
          <thead><tr><th>{t('ui.school.standards.stage')}</th><th>{t('ui.school.standards.item')}</th><th>{t('ui.school.standards.term')}</th><th>{t('ui.school.standards.amount')}</th><th /></tr></thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key}>
                <td><EnumSelect className="input select" aria-label={t('ui.school.standards.stage')} enumName="schoolStage" value={l.stage} onValueChange={(v) => setLine(l.key, { stage: v as SchoolStage })} /></td>
                <td><EnumSelect className="input select" aria-label={t('ui.school.standards.item')} enumName="schoolAidItem" value={l.item} onValueChange={(v) => setLine(l.key, { item: v as SchoolAidItem })} /></td>
                <td><EnumSelect className="input select" aria-label={t('ui.school.standards.term')} enumName="schoolTerm" value={l.term} onValueChange={(v) => setLine(l.key, { term: v as SchoolTerm })} /></td>
                <td>
                  <input className="input mono num" aria-label={t('ui.school.standards.amount')} aria-invalid={bad.has(l.key) || undefined} value={l.amount} onChange={(e) => setLine(l.key, { amount: e.target.value })} />
                  {bad.has(l.key) && <div className="field-error">{t('ui.school.standards.amountInvalid')}</div>}
                </td>
                <td><button type="button" className="button button-quiet button-small" onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>{t('ui.school.standards.removeRow')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button" onClick={() => setLines((ls) => [...ls, { key: nextKey++, stage: 'primary', item: 'living_allowance', term: 'autumn', amount: '' }])}>{t('ui.school.standards.addRow')}</button>
        <h3 className="section-title">{t('ui.school.standards.ages')}</h3>
        <table className="policy-table school-ages-table">
          <thead><tr><th>{t('ui.school.standards.stage')}</th><th>{t('ui.school.standards.minAge')}</th><th>{t('ui.school.standards.maxAge')}</th></tr></thead>
          <tbody>
            {ages.map((a, i) => (
              <tr key={a.stage}>
                <td>{t(`enum.schoolStage.${a.stage}`)}</td>
                <td><input className="input mono num" aria-label={`${t(`enum.schoolStage.${a.stage}`)} ${t('ui.school.standards.minAge')}`} value={a.minAge} onChange={(e) => setAges((as) => as.map((x, j) => (j === i ? { ...x, minAge: e.target.value } : x)))} /></td>
                <td><input className="input mono num" aria-label={`${t(`enum.schoolStage.${a.stage}`)} ${t('ui.school.standards.maxAge')}`} value={a.maxAge} onChange={(e) => setAges((as) => as.map((x, j) => (j === i ? { ...x, maxAge: e.target.value } : x)))} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
    </div>
  );
}

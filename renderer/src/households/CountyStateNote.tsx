/**
 * In the household editor: what the county said about this household and its members in its
 * last receipt. Rejections list their reasons so the clerk can correct them right here.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { describeIssue } from '../../../shared/i18n/translate.js';
import type { CountyState } from './county-state-cache.js';

interface Member {
  id?: string | undefined;
  name: string;
}

export function CountyStateNote({ householdId, members }: { householdId: string | undefined; members: Member[] }) {
  const { t } = useTranslation();
  const [household, setHousehold] = useState<CountyState | null>(null);
  const [persons, setPersons] = useState<CountyState[]>([]);
  const memberIds = members.map((m) => m.id).filter((id): id is string => !!id).join(',');

  useEffect(() => {
    if (!householdId) return;
    let live = true;
    const ids = memberIds ? memberIds.split(',') : [];
    Promise.all([
      invoke('packages/recordStates', { table: 'household', ids: [householdId] }),
      ids.length ? invoke('packages/recordStates', { table: 'person', ids }) : Promise.resolve([]),
    ]).then(([h, p]) => {
      if (!live) return;
      setHousehold(h[0] ?? null);
      setPersons(p);
    }).catch(() => undefined); // A convenience: the editor works without it.
    return () => {
      live = false;
    };
  }, [householdId, memberIds]);

  // The household first, then its members in the order the form lists them.
  const order = (s: CountyState) => (s.id === householdId ? -1 : members.findIndex((m) => m.id === s.id));
  const troubled = [household, ...persons].filter((s): s is CountyState => !!s && s.state !== 'accepted').sort((a, b) => order(a) - order(b));
  if (troubled.length === 0) {
    return household ? <p className="county-note muted">{t('ui.countyState.noteAccepted', { sequence: household.packageSequence })}</p> : null;
  }
  const whoOf = (s: CountyState) => {
    if (s.id === householdId) return t('ui.editor.householdSection');
    const index = members.findIndex((m) => m.id === s.id);
    return `${t('memberLabel', { n: index + 1 })} ${members[index]?.name ?? ''}`.trim();
  };
  return (
    <div className="callout callout-error county-note" role="note">
      <div className="error-view-message">{t('ui.countyState.noteRejected')}</div>
      <ul className="error-view-issues">
        {troubled.map((s) => (
          <li key={s.id}>
            {whoOf(s)}：
            {s.state === 'conflict'
              ? t('ui.countyState.conflictTitle')
              : s.issues.map((i) => describeIssue(t, i)).join('；') || t('ui.countyState.rejected')}
          </li>
        ))}
      </ul>
    </div>
  );
}

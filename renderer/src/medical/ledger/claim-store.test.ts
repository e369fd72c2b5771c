import { describe, expect, it } from 'vitest';
import { isBlankDraft, newDraft, withValue, type ClaimRow } from './claim-model.js';
import { ClaimStore } from './claim-store.js';

/** A saved claim as the ledger holds it (only what the store looks at). */
function saved(id: string): ClaimRow {
  const draft = newDraft({ hospitalName: id });
  return { ...draft, key: id, id, savedValues: draft.values, savedPersonId: null };
}

describe('ClaimStore.insertAfter (the rest of a load)', () => {
  it('puts the newer rows after the rows shown and before anything typed meanwhile; nothing above moves', () => {
    const store = new ClaimStore();
    store.load([saved('a'), saved('b')]);
    const shown = store.getRows().slice(0, 2);
    const blank = store.getRows()[2]!;
    store.update(blank.key, (r) => withValue(r, 'hospitalName', '县人民医院'));
    store.insertAfter('b', [saved('c'), saved('d')]);
    const rows = store.getRows();
    expect(rows.map((r) => r.key).slice(0, 5)).toEqual(['a', 'b', 'c', 'd', blank.key]);
    expect(rows[0]).toBe(shown[0]);
    expect(rows[1]).toBe(shown[1]);
    expect(rows[4]!.values.hospitalName).toBe('县人民医院');
    expect(isBlankDraft(rows[rows.length - 1]!)).toBe(true);
  });

  it('keeps the blank line the clerk may already be on, and a row edited meanwhile as edited', () => {
    const store = new ClaimStore();
    store.load([saved('a')]);
    const blank = store.getRows()[1]!;
    const edited = store.update('a', (r) => withValue(r, 'hospitalName', '镇卫生院'))!;
    store.insertAfter('a', [saved('a'), saved('b')]);
    expect(store.getRows().map((r) => r.key)).toEqual(['a', 'b', blank.key]);
    expect(store.getRows()[0]).toBe(edited);
  });
});

/**
 * The editor's state: the form, which fields the clerk has left, and what the server refused.
 * A refused save changes nothing the clerk typed; a server issue clears once its field is edited.
 */
import { useCallback, useMemo, useState } from 'react';
import { validateHousehold } from '../../../../shared/domain/household-rules.js';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { formOrder } from './field-ids.js';
import { emptyMember, sameForm, toDrafts, type EditorForm, type HouseholdForm, type MemberForm } from './form-model.js';

export type HouseholdField = Exclude<keyof HouseholdForm, 'id' | 'rowVersion'>;
export type MemberField = Exclude<keyof MemberForm, 'key' | 'id' | 'rowVersion'>;

export interface EditorState {
  form: EditorForm;
  dirty: boolean;
  submitted: boolean;
  setSubmitted(value: boolean): void;
  setHousehold<F extends HouseholdField>(field: F, value: HouseholdForm[F]): void;
  setMember<F extends MemberField>(index: number, field: F, value: MemberForm[F]): void;
  addMember(): number;
  removeMember(index: number): void;
  touch(path: string): void;
  /** Issues worth showing now: server ones, and live ones for fields left or after a save attempt. */
  visibleIssues: FieldIssue[];
  issueFor(path: string): FieldIssue | undefined;
  /** Live issues from the shared rules, shown or not. */
  liveIssues: FieldIssue[];
  setServerIssues(issues: FieldIssue[]): void;
}

export function useEditorState(initial: EditorForm): EditorState {
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [submitted, setSubmitted] = useState(false);

  const clearServer = (path: string) => setServerIssues((list) => (list.some((i) => i.field === path) ? list.filter((i) => i.field !== path) : list));

  const setHousehold = useCallback(<F extends HouseholdField>(field: F, value: HouseholdForm[F]) => {
    setForm((f) => ({ ...f, household: { ...f.household, [field]: value } }));
    clearServer(field);
  }, []);

  const setMember = useCallback(<F extends MemberField>(index: number, field: F, value: MemberForm[F]) => {
    setForm((f) => ({ ...f, members: f.members.map((m, i) => (i === index ? { ...m, [field]: value } : m)) }));
    clearServer(`members.${index}.${field}`);
    if (field === 'relation') clearServer('members');
  }, []);

  const memberCount = form.members.length;
  const addMember = useCallback((): number => {
    setForm((f) => ({ ...f, members: [...f.members, emptyMember(f.members.length === 0 ? 'head' : '')] }));
    clearServer('members');
    return memberCount;
  }, [memberCount]);

  const removeMember = useCallback((index: number) => {
    setForm((f) => ({ ...f, members: f.members.filter((_, i) => i !== index) }));
    // Indexes after the removed row shift: their server issues no longer point anywhere true.
    setServerIssues((list) => list.filter((i) => !i.field.startsWith('members')));
    setTouched((set) => new Set([...set].filter((p) => !p.startsWith('members.'))));
  }, []);

  const touch = useCallback((path: string) => {
    setTouched((set) => (set.has(path) ? set : new Set(set).add(path)));
  }, []);

  const liveIssues = useMemo(() => {
    const drafts = toDrafts(form);
    return [...drafts.formIssues, ...validateHousehold(drafts.household, drafts.members)];
  }, [form]);

  const visibleIssues = useMemo(() => {
    const shown = liveIssues.filter((i) => submitted || touched.has(i.field) || (i.field === 'members' && i.code === 'household.manyHeads'));
    const fromServer = serverIssues.filter((s) => !shown.some((i) => i.field === s.field && i.code === s.code));
    return [...fromServer, ...shown].sort((a, b) => formOrder(a.field) - formOrder(b.field));
  }, [liveIssues, serverIssues, submitted, touched]);

  const issueFor = useCallback((path: string) => visibleIssues.find((i) => i.field === path), [visibleIssues]);

  const dirty = useMemo(() => !sameForm(form, initial), [form, initial]);

  return {
    form, dirty, submitted, setSubmitted, setHousehold, setMember, addMember, removeMember, touch,
    visibleIssues, issueFor, liveIssues, setServerIssues,
  };
}

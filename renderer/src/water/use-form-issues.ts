/** A refused save's issues, by field, for messages under each input (the typed values stay). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, issuesOf, reasonOf, type ErrorText } from '../lib/errors.js';

export function useFormIssues() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const [byField, setByField] = useState<Map<string, string>>(new Map());
  return {
    failure,
    errorOf: (field: string) => byField.get(field) ?? null,
    clear() {
      setFailure(null);
      setByField(new Map());
    },
    /** `idOf` names the input of a field, so the first refused field gets the focus. */
    show(err: unknown, idOf?: (field: string) => string) {
      setFailure(describeError(t, err));
      const found = issuesOf(err);
      setByField(new Map(found.map((i) => [i.field, reasonOf(t, i)])));
      const first = found[0];
      if (first && idOf) setTimeout(() => document.getElementById(idOf(first.field))?.focus(), 0);
    },
  };
}

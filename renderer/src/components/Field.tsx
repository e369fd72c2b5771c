import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  error?: string | null | undefined;
  hint?: string | null | undefined;
  /** A hint that is not an error yet (shown grey), e.g. an ID number still being typed. */
  soft?: boolean;
  className?: string;
  children: ReactNode;
}

/** A label above its input, and under it the error (or a hint). The input sets aria-describedby. */
export function Field({ id, label, error, hint, soft, className, children }: FieldProps) {
  const text = error ?? hint;
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {children}
      {text && <div id={`${id}-note`} className={error && !soft ? 'field-error' : 'field-hint'}>{text}</div>}
    </div>
  );
}

/** aria-* for an input inside a Field. */
export function fieldAria(id: string, error: string | null | undefined, hint?: string | null) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? `${id}-note` : undefined,
  } as const;
}

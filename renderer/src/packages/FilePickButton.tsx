import { useRef } from 'react';

interface FilePickButtonProps {
  label: string;
  /** The hidden input's accessible name (tests and screen readers find the picker by it). */
  inputLabel: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  primary?: boolean;
  onFiles(files: File[]): void;
}

/** A button that opens the file picker; the input is cleared so the same file can be chosen again. */
export function FilePickButton({ label, inputLabel, accept, multiple, disabled, primary, onFiles }: FilePickButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={inputLabel}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <button type="button" className={primary ? 'button button-primary' : 'button'} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
    </>
  );
}

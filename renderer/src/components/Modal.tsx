/**
 * A modal layer: rendered at the end of <body>, everything behind it made `inert` (no focus,
 * no clicks, out of the accessibility tree) and restored when it closes. Modals stack: each
 * remembers exactly what it changed. Esc asks the owner to cancel; focus returns on close.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface ModalProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
  /** `dialog`: centred box; `panel`: full-height sheet from the right. */
  variant?: 'dialog' | 'panel';
  className?: string;
  onKeyDown?(event: KeyboardEvent<HTMLDivElement>): void;
  /** The heading is shown by the content itself (the panel has its own header). */
  hideTitle?: boolean;
}

function makeBackgroundInert(layer: HTMLElement): () => void {
  const changed: HTMLElement[] = [];
  for (const el of Array.from(document.body.children)) {
    if (!(el instanceof HTMLElement) || el === layer || el.inert || el.hasAttribute('data-keep-interactive')) continue;
    el.inert = true;
    changed.push(el);
  }
  return () => changed.forEach((el) => (el.inert = false));
}

export function Modal({ title, onCancel, children, variant = 'dialog', className, onKeyDown, hideTitle }: ModalProps) {
  const layer = useRef<HTMLDivElement | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  layer.current ??= document.createElement('div');

  useEffect(() => {
    const el = layer.current!;
    el.className = 'modal-layer';
    document.body.append(el);
    const restore = makeBackgroundInert(el);
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Focus the first field unless the content already placed focus (autoFocus).
    queueMicrotask(() => {
      if (!box.current || box.current.contains(document.activeElement)) return;
      const first = box.current.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button');
      (first ?? box.current).focus();
    });
    return () => {
      restore();
      el.remove();
      if (before?.isConnected) before.focus();
    };
  }, []);

  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.stopPropagation();
      cancel.current();
    }
  };

  return createPortal(
    <div className={`modal-backdrop modal-${variant}-backdrop`}>
      <div
        ref={box}
        className={`modal modal-${variant} ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={keyDown}
      >
        <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'modal-title'}>{title}</h2>
        {children}
      </div>
    </div>,
    layer.current,
  );
}

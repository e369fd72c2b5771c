/**
 * A modal layer: rendered at the end of <body>, everything behind it made `inert` (no focus,
 * no clicks, out of the accessibility tree) and restored when it closes. Modals stack: each
 * remembers exactly what it changed, and only the top one hears the keyboard, wherever focus
 * happens to be (even on <body> after the focused button went away). Esc asks the owner to
 * cancel; focus returns where it was on close.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface ModalProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
  /** `dialog`: centred box; `panel`: the whole window. */
  variant?: 'dialog' | 'panel';
  className?: string;
  /** Keys for the whole modal (shortcuts); call preventDefault to keep Esc from cancelling. */
  onKeyDown?(event: KeyboardEvent): void;
  /** The heading is shown by the content itself (the panel has its own header). */
  hideTitle?: boolean;
}

const stack: string[] = [];

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
  const handlers = useRef({ onCancel, onKeyDown });
  handlers.current = { onCancel, onKeyDown };

  layer.current ??= document.createElement('div');

  useEffect(() => {
    const el = layer.current!;
    el.className = 'modal-layer';
    document.body.append(el);
    stack.push(titleId);
    const restore = makeBackgroundInert(el);
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Focus the first field unless the content already placed focus (autoFocus).
    queueMicrotask(() => {
      if (!box.current || box.current.contains(document.activeElement)) return;
      const first = box.current.querySelector<HTMLElement>('[data-autofocus]') ?? box.current.querySelector<HTMLElement>('input, select, textarea, button');
      (first ?? box.current).focus();
    });
    const keyDown = (event: KeyboardEvent) => {
      if (stack[stack.length - 1] !== titleId || event.isComposing) return;
      handlers.current.onKeyDown?.(event);
      if (event.defaultPrevented || event.key !== 'Escape') return;
      event.preventDefault();
      handlers.current.onCancel();
    };
    document.addEventListener('keydown', keyDown);
    return () => {
      document.removeEventListener('keydown', keyDown);
      stack.splice(stack.lastIndexOf(titleId), 1);
      restore();
      el.remove();
      if (before?.isConnected) before.focus();
    };
  }, [titleId]);

  return createPortal(
    <div className={`modal-backdrop modal-${variant}-backdrop`}>
      <div ref={box} className={`modal modal-${variant} ${className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'modal-title'}>{title}</h2>
        {children}
      </div>
    </div>,
    layer.current,
  );
}

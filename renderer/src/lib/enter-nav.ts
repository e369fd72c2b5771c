/**
 * Enter moves to the next field, as on the paper form: in text boxes, selects and
 * checkboxes alike. Buttons keep their own Enter (they click). Shift+Enter goes back.
 * While an input method is composing (pinyin), Enter belongs to the IME.
 */
import type { KeyboardEvent } from 'react';

const FIELDS = 'input:not([type=hidden]):not([type=file]):not([disabled]):not([readonly]), select:not([disabled]), textarea:not([disabled]):not([readonly]), [data-enter-stop]';

function fieldsIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FIELDS)).filter((el) => el.offsetParent !== null || el === document.activeElement);
}

function isField(el: EventTarget): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

export function focusField(el: HTMLElement | null | undefined): void {
  if (!el) return;
  el.focus();
  if (el instanceof HTMLInputElement && (el.type === 'text' || el.type === 'tel' || el.type === 'search')) el.select();
}

/** Moves focus one field on from `from`; at the end, to the element marked `data-enter-end`. */
export function moveFocus(container: HTMLElement, from: HTMLElement, step: 1 | -1): void {
  const fields = fieldsIn(container);
  const index = fields.indexOf(from);
  const next = index === -1 ? undefined : fields[index + step];
  if (next) focusField(next);
  else if (step === 1) container.querySelector<HTMLElement>('[data-enter-end]')?.focus();
}

export function handleEnterNavigation(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.nativeEvent.isComposing || event.keyCode === 229) return;
  const target = event.target;
  if (!isField(target)) return;
  if (target instanceof HTMLInputElement && (target.type === 'button' || target.type === 'submit')) return;
  event.preventDefault();
  moveFocus(event.currentTarget, target, event.shiftKey ? -1 : 1);
}

/** A ledger page before the workstation knows its township: nothing to show until 设置 is done. */
export function NoTownshipNotice({ title, text, settingsLabel, onOpenSettings }: { title: string; text: string; settingsLabel: string; onOpenSettings(): void }) {
  return (
    <div className="page">
      <h1 className="page-title">{title}</h1>
      <div className="callout" role="note">
        <p>{text}</p>
        <button type="button" className="button button-primary" onClick={onOpenSettings}>{settingsLabel}</button>
      </div>
    </div>
  );
}

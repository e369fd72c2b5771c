/** 照片: thumbnails per phase (改造前/中/后) and a picker to add one; files go to the data folder. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import type { HousingPhoto } from '../../../../shared/contract/housing.js';
import { photoPhases, type PhotoPhase } from '../../../../shared/domain/housing/housing-enums.js';
import { readFileAsBase64 } from '../../lib/files.js';
import { Modal } from '../../components/Modal.js';
import { thumbnailBase64 } from './thumbnail.js';

interface PhotoPanelProps {
  repairId: string;
  photos: HousingPhoto[];
  locked: boolean;
  onChanged(): void;
}

/** Each picture is fetched once per panel, as a data: URL (the CSP allows data: images). */
function useDataUrls(photos: HousingPhoto[]): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    for (const p of photos) {
      if (urls[p.id]) continue;
      invoke('housing/photo', { id: p.id })
        .then(({ dataUrl }) => live && setUrls((u) => ({ ...u, [p.id]: dataUrl })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
    // Keyed on the list only: a URL already fetched is kept.
  }, [photos]);
  return urls;
}

export function PhotoPanel({ repairId, photos, locked, onChanged }: PhotoPanelProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const urls = useDataUrls(photos);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ photo: HousingPhoto; dataUrl: string | null } | null>(null);

  const showFull = (photo: HousingPhoto) => {
    setShown({ photo, dataUrl: null });
    invoke('housing/photo', { id: photo.id, size: 'full' })
      .then(({ dataUrl }) => setShown((s) => (s?.photo.id === photo.id ? { photo, dataUrl } : s)))
      .catch((err: unknown) => notices.error(err));
  };

  const add = async (phase: PhotoPhase, files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      for (const file of Array.from(files)) {
        const upload = await readFileAsBase64(file);
        await invoke('housing/addPhoto', { repairId, phase, ...upload, thumbnailBase64: await thumbnailBase64(file) });
        notices.success(t('ui.housing.editor.photoAdded', { name: file.name }));
      }
      onChanged();
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    try {
      await invoke('housing/removePhoto', { id });
      onChanged();
    } catch (err) {
      notices.error(err);
    }
  };

  return (
    <div className="photo-phases">
      {photoPhases.map((phase) => {
        const inPhase = photos.filter((p) => p.phase === phase);
        const phaseLabel = t(`housing.phase.${phase}`);
        return (
          <div key={phase} className="photo-phase" role="group" aria-label={phaseLabel}>
            <div className="photo-phase-title">{phaseLabel}</div>
            <ul className="photo-list">
              {inPhase.length === 0 && <li className="photo-empty">{t('ui.housing.editor.noPhotos')}</li>}
              {inPhase.map((p) => (
                <li key={p.id} className="photo-item">
                  <button type="button" className="photo-open" aria-label={`${t('ui.housing.editor.openPhoto')} ${p.originalName}`} onClick={() => showFull(p)}>
                    {urls[p.id] ? <img className="photo-thumb" src={urls[p.id]} alt={`${phaseLabel} ${p.originalName}`} /> : <span className="photo-thumb photo-loading" />}
                  </button>
                  {!locked && (
                    <button type="button" className="photo-remove" aria-label={`${t('ui.housing.editor.removePhoto')} ${p.originalName}`} onClick={() => void remove(p.id)}>×</button>
                  )}
                </li>
              ))}
            </ul>
            {!locked && (
              <label className="button button-quiet photo-add">
                {t('ui.housing.editor.addPhoto', { phase: phaseLabel })}
                <input type="file" accept="image/jpeg,image/png,image/webp" multiple hidden disabled={busy} onChange={(e) => void add(phase, e.target.files)} />
              </label>
            )}
          </div>
        );
      })}
      {shown && (
        <Modal title={shown.photo.originalName} onCancel={() => setShown(null)} className="photo-viewer">
          {shown.dataUrl ? <img className="photo-full" src={shown.dataUrl} alt={shown.photo.originalName} /> : <p className="field-hint">…</p>}
          <div className="modal-actions">
            <button type="button" className="button button-primary" data-autofocus onClick={() => setShown(null)}>{t('ui.housing.editor.close')}</button>
          </div>
        </Modal>
      )}
    </div>
  );
}

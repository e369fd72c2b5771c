import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.js';
import { Fingerprint } from '../Fingerprint.js';

export interface TrustRequest {
  townshipCode: string;
  townshipName: string;
  /** As the package states it, grouped; the main process compares it with the signing key again. */
  fingerprint: string;
}

/** The first package of a township not yet registered: the clerk compares the fingerprint by phone. */
export function TrustDialog({ request, onConfirm, onCancel }: { request: TrustRequest; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const township = `${request.townshipName}（${request.townshipCode}）`;
  return (
    <Modal title={t('ui.packages.trustTitle', { township })} onCancel={onCancel}>
      <p className="modal-body">{t('ui.packages.trustBody')}</p>
      <Fingerprint grouped={request.fingerprint} label={t('ui.packages.fingerprintLabel')} copyable={false} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={onConfirm}>{t('ui.packages.trustConfirm')}</button>
        <button type="button" className="button button-primary" data-autofocus onClick={onCancel}>{t('ui.common.cancel')}</button>
      </div>
    </Modal>
  );
}

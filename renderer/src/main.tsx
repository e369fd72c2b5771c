import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/grid-setup.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/modal.css';
import './styles/editor.css';
import { initI18n } from './i18n.js';
import { App } from './App.js';
import { AuthGate } from './auth/AuthGate.js';
import { IntegrityGate } from './backups/IntegrityGate.js';
import './styles/auth.css';
import { NoticeProvider } from './components/NoticeProvider.js';

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <NoticeProvider>
        <IntegrityGate>
          <AuthGate>
            <App />
          </AuthGate>
        </IntegrityGate>
      </NoticeProvider>
    </StrictMode>,
  );
});

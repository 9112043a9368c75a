import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { DIAGNOSTICS } from './build-flags.js';
import { I18nProvider } from './i18n/i18n.js';
import { installDiagnostics } from './live/diagnostics.js';
import './styles.css';
import './styles-forms.css';
import './styles-catalog.css';
import './styles-rundown.css';
import './styles-live.css';
import './styles-shelf.css';
import './styles-framing.css';
import './styles-commerce.css';
import './styles-clips.css';
import './styles-replays.css';
import './styles-golive.css';
import './styles-obs.css';

// Only the build for tests (build-flags.ts) exposes window.__lcStudio.
if (DIAGNOSTICS) installDiagnostics();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

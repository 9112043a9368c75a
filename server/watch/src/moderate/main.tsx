import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { lang } from '../i18n.js';
import { ModApi, tokenFromPath } from './mod-api.js';
import { ModeratorApp } from './ModeratorApp.js';
import '../styles.css';
import './moderate.css';

document.documentElement.lang = lang;
const token = tokenFromPath(window.location.pathname) ?? '';
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ModeratorApp api={new ModApi(token)} />
    </StrictMode>,
  );
}

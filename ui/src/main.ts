import { session, getJson } from './api';
import { clear } from './dom';
import type { Me } from './types';
import { loginPage } from './pages/login';
import { alertsPage } from './pages/alerts';
import { analysesPage } from './pages/analyses';
import { analysisPage } from './pages/analysis';
import { settingsPage } from './pages/settings';

const app = document.getElementById('app')!;
let leave: (() => void) | undefined;
let me: Me | undefined;

/** Hash routes: #/login, #/alerts, #/analyses, #/analysis/<id>, #/settings. */
async function route(): Promise<void> {
  leave?.();
  leave = undefined;
  clear(app);
  const [, page, arg] = location.hash.split('/');
  if (!session.token() && page !== 'login') {
    // A deep link (a report opened in a new tab) is where the login returns to.
    location.hash = `#/login/${encodeURIComponent(location.hash)}`;
    return;
  }
  const nav = document.getElementById('nav')!;
  nav.hidden = page === 'login' || !session.token();
  if (page === 'login') {
    me = undefined;
    loginPage(app, arg ? decodeURIComponent(arg) : '#/alerts');
    return;
  }
  try {
    me ??= await getJson<Me>('/api/v1/me');
    document.getElementById('who')!.textContent = `${me.name} · ${me.clusters.join(', ') || 'no clusters'}`;
  } catch {
    return; // 401 sends the browser to the login page
  }
  if (page === 'analysis' && arg) leave = analysisPage(app, decodeURIComponent(arg));
  else if (page === 'analyses') analysesPage(app);
  else if (page === 'settings') settingsPage(app, me);
  else alertsPage(app, me);
}

document.getElementById('logout')!.addEventListener('click', () => {
  session.clear();
  me = undefined;
  location.hash = '#/login';
});
window.addEventListener('hashchange', () => void route());
if (!location.hash) location.hash = session.token() ? '#/alerts' : '#/login';
void route();

import { session, getJson } from './api';
import { clear } from './dom';
import type { Me } from './types';
import { loginPage } from './pages/login';
import { alertsPage } from './pages/alerts';
import { analysesPage } from './pages/analyses';
import { analysisPage } from './pages/analysis';
import { settingsPage } from './pages/settings';
import { profilesPage } from './pages/profiles';

const app = document.getElementById('app')!;
let leave: (() => void) | undefined;
let me: Me | undefined;

/** Hash routes: #/login, #/alerts, #/analyses, #/analysis/<id>, #/settings, #/profiles. */
async function route(): Promise<void> {
  leave?.();
  leave = undefined;
  clear(app);
  const [, page, arg] = location.hash.split('/');
  const nav = document.getElementById('nav')!;
  nav.hidden = true;
  if (page === 'login') {
    me = undefined;
    loginPage(app, arg ? decodeURIComponent(arg) : '#/alerts');
    return;
  }
  try {
    me ??= await getJson<Me>('/api/v1/me');
    nav.hidden = false;
    document.getElementById('who')!.textContent = `${me.name} · ${me.clusters.join(', ') || 'no clusters'}`;
  } catch {
    return; // without a session a 401 sends the browser to the login page, which returns here
  }
  if (page === 'analysis' && arg) leave = analysisPage(app, decodeURIComponent(arg));
  else if (page === 'analyses') analysesPage(app);
  else if (page === 'settings') settingsPage(app, me);
  else if (page === 'profiles') profilesPage(app, me);
  else alertsPage(app, me);
}

document.getElementById('logout')!.addEventListener('click', async () => {
  await session.logOut();
  me = undefined;
  location.hash = '#/login';
});
window.addEventListener('hashchange', () => void route());
if (!location.hash) location.hash = '#/alerts';
void route();

import { ApiError, session } from '../api';
import { h, append } from '../dom';

/** @param then where to go once logged in: the page that sent the browser here, or the alerts */
export function loginPage(app: HTMLElement, then: string): void {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', placeholder: 'psk_…', required: true });
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card login' },
    h('h1', {}, 'Log in'),
    h('p', { class: 'muted' }, 'Paste an API token (./patternscope token create TENANTS).'),
    h('label', { for: 'token' }, 'Token'), input,
    h('button', { type: 'submit' }, 'Log in'), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    try {
      await session.logIn(input.value.trim());
      location.hash = then.startsWith('#/') && !then.startsWith('#/login') ? then : '#/alerts';
    } catch (err) {
      message.textContent = err instanceof ApiError ? err.message : 'the gateway cannot be reached';
    }
  });
  append(app, form);
  input.focus();
}

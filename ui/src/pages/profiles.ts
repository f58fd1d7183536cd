import { getJson, postJson } from '../api';
import { append, clear, h, time } from '../dom';
import type { Me, Profile } from '../types';

/**
 * Each of the caller's tenants' features profiles: search by metric, the window each was made from,
 * generation and parent of learnt ones, checks and matches; validate, disable (with its progeny), enable.
 */
export function profilesPage(app: HTMLElement, me: Me): void {
  append(app, h('section', { class: 'card' }, h('h1', {}, 'Profiles'),
    h('p', { class: 'muted' }, 'Behaviour operators called normal. A changed series matching an enabled profile is listed '
      + 'as known normal instead of ranked. Learnt profiles (generation 1 and up) came from close matches of a profile '
      + 'made to learn: check them, then validate or disable (disabling a profile disables everything learnt from it).')));
  const tenants = me.tenants.filter((t) => t !== '*');
  if (tenants.length === 0) append(app, h('p', { class: 'muted' }, 'This token is not bound to a named tenant.'));
  for (const tenant of tenants) tenantProfiles(app, tenant);
}

function tenantProfiles(app: HTMLElement, tenant: string): void {
  const base = `/api/v1/tenants/${encodeURIComponent(tenant)}/profiles`;
  const search = h('input', { type: 'search', placeholder: 'metric or label', class: 'profile-search', 'aria-label': 'search by metric' });
  const form = h('form', { class: 'row' }, search, h('button', { type: 'submit' }, 'Search'));
  const table = h('tbody');
  const message = h('p', { class: 'error', role: 'status' });
  const card = h('section', { class: 'card', 'data-tenant': tenant }, h('h2', {}, `Tenant ${tenant}`), form, message,
    h('table', { class: 'profiles' }, h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'metric'), h('th', {}, 'generation'),
      h('th', {}, 'state'), h('th', {}, 'matched'), h('th', {}, 'made'), h('th', {}, ''))), table));
  append(app, card);
  const load = async () => {
    message.textContent = '';
    try {
      const q = search.value.trim();
      const profiles = await getJson<Profile[]>(base + (q ? `?metric=${encodeURIComponent(q)}` : ''));
      clear(table);
      if (profiles.length === 0) append(table, h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No profiles yet: mark a finding "Not anomalous" and create one.')));
      for (const p of profiles) append(table, row(base, p, load, message));
    } catch (err) {
      message.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); void load(); });
  void load();
}

function row(base: string, p: Profile, reload: () => Promise<void>, message: HTMLElement): HTMLElement {
  const act = (label: string, action: string) => {
    const b = h('button', { type: 'button', class: `link ${action}` }, label);
    b.addEventListener('click', async () => {
      try {
        await postJson(`${base}/${p.id}/${action}`, {});
        await reload();
      } catch (err) {
        message.textContent = err instanceof Error ? err.message : String(err);
      }
    });
    return b;
  };
  const windowBox = h('div', { class: 'profile-window' });
  const show = h('button', { type: 'button', class: 'link show-window' }, 'Window');
  show.addEventListener('click', async () => {
    show.remove();
    try {
      const full = await getJson<Profile>(`${base}/${p.id}`);
      append(windowBox, sparkline(full.values ?? []));
    } catch (err) {
      append(windowBox, h('span', { class: 'error' }, err instanceof Error ? err.message : String(err)));
    }
  });
  return h('tr', { 'data-profile': p.id, class: p.enabled ? 'enabled' : 'disabled' },
    h('td', {}, String(p.id)),
    h('td', {}, h('code', {}, p.identity), windowBox),
    h('td', {}, p.generation === 0 ? (p.learn ? '0 (learns)' : '0') : `${p.generation} (from #${p.parentId})`),
    h('td', { class: 'state' }, p.enabled ? 'enabled' : 'disabled', p.validated ? ' · validated' : ''),
    h('td', {}, `${p.matches} of ${p.checks} checks`, p.lastMatchedAt ? h('div', { class: 'muted' }, time(p.lastMatchedAt)) : null),
    h('td', {}, p.createdBy, h('div', { class: 'muted' }, time(p.createdAt))),
    h('td', {}, show, p.validated ? null : act('Validate', 'validate'), p.enabled ? act('Disable', 'disable') : act('Enable', 'enable')));
}

/** The profile's window as a small line (an SVG polyline, built as nodes). */
function sparkline(values: (number | string | null)[]): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const numbers = values.map((v) => (typeof v === 'number' ? v : NaN));
  const finite = numbers.filter(Number.isFinite);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 300 50');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('data-points', String(finite.length));
  const points = numbers.map((v, i) => (Number.isFinite(v)
    ? `${(i * 300 / Math.max(1, numbers.length - 1)).toFixed(1)},${(48 - (max > min ? (v - min) / (max - min) : 0.5) * 46).toFixed(1)}`
    : '')).filter(Boolean).join(' ');
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', points);
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#2563eb');
  svg.appendChild(line);
  return svg;
}

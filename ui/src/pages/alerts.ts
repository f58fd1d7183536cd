import { ApiError, getJson, postJson } from '../api';
import { append, clear, h, labelChips, time } from '../dom';
import type { Alert, Alerts, Analysis, Me } from '../types';

/** Firing alerts per cluster, each with an Analyze button; a form for any window too. */
export function alertsPage(app: HTMLElement, me: Me): void {
  const list = h('section', { class: 'card' }, h('h1', {}, 'Firing alerts'), h('p', { class: 'muted' }, 'Loading…'));
  append(app, list, windowForm(me));
  void load(list);
}

async function load(list: HTMLElement): Promise<void> {
  try {
    const { alerts, errors } = await getJson<Alerts>('/api/v1/alerts');
    clear(list);
    append(list, h('h1', {}, 'Firing alerts'));
    for (const e of errors) append(list, h('p', { class: 'error' }, `${e.cluster}: ${e.error}`));
    if (alerts.length === 0) append(list, h('p', { class: 'muted' }, 'No alert is firing in your clusters.'));
    const byCluster = new Map<string, Alert[]>();
    for (const a of alerts) byCluster.set(a.cluster, [...(byCluster.get(a.cluster) ?? []), a]);
    for (const [cluster, items] of byCluster) {
      append(list, h('h2', {}, cluster));
      const table = h('table', { class: 'alerts' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Alert'), h('th', {}, 'Labels'), h('th', {}, 'Firing since'), h('th', {}, ''))));
      const body = h('tbody');
      for (const a of items) {
        const button = h('button', { type: 'button', class: 'analyze', 'data-alert': a.name }, 'Analyze');
        button.addEventListener('click', () => analyze(button, a));
        append(body, h('tr', {},
          h('td', {}, h('strong', {}, a.name), a.annotations.summary ? h('div', { class: 'muted' }, a.annotations.summary) : null),
          h('td', {}, labelChips(a.labels, ['alertname'])),
          h('td', {}, time(a.activeAt)),
          h('td', {}, button)));
      }
      append(table, body);
      append(list, table);
    }
  } catch (err) {
    clear(list);
    append(list, h('h1', {}, 'Firing alerts'), h('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
  }
}

async function analyze(button: HTMLButtonElement, a: Alert): Promise<void> {
  button.disabled = true;
  button.textContent = 'Starting…';
  try {
    const created = await postJson<Analysis>('/api/v1/analyses',
      { cluster: a.cluster, alert: { name: a.name, labels: a.labels, activeAt: a.activeAt } });
    location.hash = `#/analysis/${encodeURIComponent(created.id)}`;
  } catch (err) {
    button.disabled = false;
    button.textContent = 'Analyze';
    button.after(h('div', { class: 'error' }, err instanceof ApiError ? err.message : String(err)));
  }
}

function windowForm(me: Me): HTMLElement {
  const now = new Date();
  // Text in 24-hour UTC, not datetime-local: that one shows the browser's locale (AM/PM) while the page says UTC.
  const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  const cluster = h('select', { id: 'w-cluster' }, ...me.clusters.map((c) => h('option', { value: c }, c)));
  const start = h('input', { id: 'w-start', type: 'text', size: 16, placeholder: 'YYYY-MM-DD HH:MM',
    value: utc(new Date(now.getTime() - 3 * 3600_000)) });
  const end = h('input', { id: 'w-end', type: 'text', size: 16, placeholder: 'YYYY-MM-DD HH:MM', value: utc(now) });
  const selectors = h('input', { id: 'w-selectors', type: 'text', placeholder: 'optional: {namespace="shop"}, up' });
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card' },
    h('h2', {}, 'Analyze a window'),
    h('p', { class: 'muted' }, 'Times in UTC, 24-hour (YYYY-MM-DD HH:MM); the last third of the window is tested against the rest.'),
    h('div', { class: 'row' },
      h('label', {}, 'Cluster ', cluster), h('label', {}, 'From ', start), h('label', {}, 'To ', end)),
    h('label', { class: 'wide' }, 'Selectors ', selectors),
    h('button', { type: 'submit' }, 'Analyze window'), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    const instant = (text: string) => `${text.trim().replace(' ', 'T')}:00Z`;
    const body: Record<string, unknown> = {
      cluster: cluster.value,
      window: { start: instant(start.value), end: instant(end.value) },
    };
    const list = selectors.value.split(/,(?![^{]*})/).map((s) => s.trim()).filter(Boolean);
    if (list.length) body.selectors = list;
    try {
      const created = await postJson<Analysis>('/api/v1/analyses', body);
      location.hash = `#/analysis/${encodeURIComponent(created.id)}`;
    } catch (err) {
      message.textContent = err instanceof Error ? err.message : String(err);
    }
  });
  return form;
}

import { ApiError, getJson, postJson } from '../api';
import { append, clear, h, labelChips, time } from '../dom';
import type { Alert, Alerts, Analysis, Me } from '../types';

/**
 * Firing alerts per cluster, then those resolved in the last hours (outages are often analysed
 * after they ended), each with an Analyze button; a form for any window too, which starts at the
 * window the newest alert of the chosen cluster would be analysed in.
 */
export function alertsPage(app: HTMLElement, me: Me): void {
  const list = h('section', { class: 'card' }, h('h1', {}, 'Firing alerts'), h('p', { class: 'muted' }, 'Loading…'));
  const form = windowForm(me);
  append(app, list, form.element);
  void load(list).then((alerts) => form.useAlerts(alerts));
}

async function load(list: HTMLElement): Promise<Alert[]> {
  try {
    const { alerts, errors } = await getJson<Alerts>('/api/v1/alerts');
    clear(list);
    append(list, h('h1', {}, 'Firing alerts'));
    for (const e of errors) append(list, h('p', { class: 'error' }, `${e.cluster}: ${e.error}`));
    const firing = alerts.filter((a) => a.state !== 'resolved');
    const resolved = alerts.filter((a) => a.state === 'resolved');
    if (firing.length === 0) append(list, h('p', { class: 'muted' }, 'No alert is firing in your clusters.'));
    tables(list, firing, 'Firing since', (a) => time(a.activeAt));
    if (resolved.length > 0) {
      append(list, h('h2', { class: 'resolved' }, 'Resolved in the last 6 hours'));
      tables(list, resolved, 'Fired', (a) => `${time(a.activeAt)} → ${time(a.resolvedAt)}`);
    }
    return alerts;
  } catch (err) {
    clear(list);
    append(list, h('h1', {}, 'Firing alerts'), h('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
    return [];
  }
}

function tables(list: HTMLElement, alerts: Alert[], whenTitle: string, when: (a: Alert) => string): void {
  const byCluster = new Map<string, Alert[]>();
  for (const a of alerts) byCluster.set(a.cluster, [...(byCluster.get(a.cluster) ?? []), a]);
  for (const [cluster, items] of byCluster) {
    append(list, h('h3', {}, cluster));
    const table = h('table', { class: `alerts ${items[0].state}` },
      h('thead', {}, h('tr', {}, h('th', {}, 'Alert'), h('th', {}, 'Labels'), h('th', {}, whenTitle), h('th', {}, ''))));
    const body = h('tbody');
    for (const a of items) {
      const button = h('button', { type: 'button', class: 'analyze', 'data-alert': a.name }, 'Analyze');
      button.addEventListener('click', () => analyze(button, a));
      append(body, h('tr', {},
        h('td', {}, h('strong', {}, a.name), a.annotations.summary ? h('div', { class: 'muted' }, a.annotations.summary) : null),
        h('td', {}, labelChips(a.labels, ['alertname'])),
        h('td', {}, when(a)),
        h('td', {}, button)));
    }
    append(table, body);
    append(list, table);
  }
}

async function analyze(button: HTMLButtonElement, a: Alert): Promise<void> {
  button.disabled = true;
  button.textContent = 'Starting…';
  try {
    const created = await postJson<Analysis>('/api/v1/analyses',
      { cluster: a.cluster, alert: { name: a.name, labels: a.labels, activeAt: a.activeAt }, reference: 'AUTO' });
    location.hash = `#/analysis/${encodeURIComponent(created.id)}`;
  } catch (err) {
    button.disabled = false;
    button.textContent = 'Analyze';
    button.after(h('div', { class: 'error' }, err instanceof ApiError ? err.message : String(err)));
  }
}

const HOUR = 3600_000;

/** The form, and a way to move its default window to the newest alert once the alerts are in. */
function windowForm(me: Me): { element: HTMLElement; useAlerts: (alerts: Alert[]) => void } {
  // Text in 24-hour UTC, not datetime-local: that one shows the browser's locale (AM/PM) while the page says UTC.
  const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  const cluster = h('select', { id: 'w-cluster' }, ...me.clusters.map((c) => h('option', { value: c }, c)));
  const start = h('input', { id: 'w-start', type: 'text', size: 16, placeholder: 'YYYY-MM-DD HH:MM' });
  const end = h('input', { id: 'w-end', type: 'text', size: 16, placeholder: 'YYYY-MM-DD HH:MM' });
  const basis = h('span', { id: 'w-basis' });
  const selectors = h('input', { id: 'w-selectors', type: 'text', placeholder: 'optional: {namespace="shop"}, up' });
  const shapes = h('input', { id: 'w-shapes', type: 'checkbox' });
  const reference = h('select', { id: 'w-reference' },
    h('option', { value: 'AUTO', selected: 'selected' }, 'the same hour on earlier days or weeks, for metrics with a rhythm'),
    h('option', { value: 'PRECEDING' }, 'the hours just before it'),
    h('option', { value: 'DAILY' }, 'the same hour on the 3 days before'),
    h('option', { value: 'WEEKLY' }, 'the same hour on the 3 weeks before'));
  const message = h('p', { class: 'error', role: 'alert' });
  let alerts: Alert[] = [];
  let edited = false;
  // The newest alert of the cluster, firing or resolved: its data is what the operator is after
  // (a cluster whose data stopped has nothing in "the last 3 hours"); else the last 3 hours.
  const fill = () => {
    if (edited) return;
    const newest = alerts.filter((a) => a.cluster === cluster.value && a.activeAt)
      .sort((a, b) => b.activeAt!.localeCompare(a.activeAt!))[0];
    const to = newest ? new Date(newest.activeAt!) : new Date();
    start.value = utc(new Date(to.getTime() - 3 * HOUR));
    end.value = utc(to);
    basis.textContent = newest ? `the 3 hours before ${newest.name} (${newest.state}) began` : 'the last 3 hours';
  };
  for (const input of [start, end]) input.addEventListener('input', () => { edited = true; });
  cluster.addEventListener('change', () => { edited = false; fill(); });
  fill();
  const form = h('form', { class: 'card' },
    h('h2', {}, 'Analyze a window'),
    h('p', { class: 'muted' }, 'Times in UTC, 24-hour (YYYY-MM-DD HH:MM); the last third of the window is tested against the rest. ',
      'Preset: ', basis, '.'),
    h('div', { class: 'row' },
      h('label', {}, 'Cluster ', cluster), h('label', {}, 'From ', start), h('label', {}, 'To ', end)),
    h('label', { class: 'wide' }, 'Selectors ', selectors),
    h('label', { class: 'wide' }, 'Compare the test window with ', reference),
    h('label', { title: 'A series whose test window holds a shape unlike its reference (matrix-profile discord ≥ 0.70) '
      + 'is a finding even when its values stay in range: a stuck value, a changed period. Finds more, and more noise.' },
      shapes, ' Also report changed shapes (discords)'),
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
    if (shapes.checked) body.discordThreshold = 0.7;
    body.reference = reference.value;
    try {
      const created = await postJson<Analysis>('/api/v1/analyses', body);
      location.hash = `#/analysis/${encodeURIComponent(created.id)}`;
    } catch (err) {
      message.textContent = err instanceof Error ? err.message : String(err);
    }
  });
  return { element: form, useAlerts: (found) => { alerts = found; fill(); } };
}

import { del, getJson } from '../api';
import { append, clear, h, time } from '../dom';
import type { Analysis } from '../types';

/** Past analyses, newest first, searchable by cluster, alert name and time; deletable. */
export function analysesPage(app: HTMLElement): void {
  const cluster = h('input', { type: 'text', placeholder: 'cluster', id: 'q-cluster' });
  const alert = h('input', { type: 'text', placeholder: 'alert name contains', id: 'q-alert' });
  const from = h('input', { type: 'datetime-local', id: 'q-from', title: 'started from (UTC)' });
  const to = h('input', { type: 'datetime-local', id: 'q-to', title: 'started before (UTC)' });
  const results = h('div');
  const search = async () => {
    const q = new URLSearchParams({ size: '100' });
    if (cluster.value.trim()) q.set('cluster', cluster.value.trim());
    if (alert.value.trim()) q.set('alert', alert.value.trim());
    if (from.value) q.set('from', `${from.value}:00Z`);
    if (to.value) q.set('to', `${to.value}:00Z`);
    try {
      const list = await getJson<Analysis[]>(`/api/v1/analyses?${q}`);
      clear(results);
      if (list.length === 0) append(results, h('p', { class: 'muted' }, 'No analyses.'));
      const body = h('tbody');
      for (const a of list) {
        const remove = h('button', { type: 'button', class: 'link danger' }, 'Delete');
        remove.addEventListener('click', async () => {
          if (!confirm(`Delete analysis ${a.id} and its report?`)) return;
          await del(`/api/v1/analyses/${encodeURIComponent(a.id)}`);
          void search();
        });
        append(body, h('tr', {},
          h('td', {}, h('a', { href: `#/analysis/${encodeURIComponent(a.id)}` }, a.alert?.name ?? 'window')),
          h('td', {}, a.cluster), h('td', {}, h('span', { class: `status ${a.status.toLowerCase()}` }, a.status)),
          h('td', { class: 'progress' }, progressText(a)),
          h('td', {}, time(a.createdAt)), h('td', {}, remove)));
      }
      if (list.length) {
        append(results, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Alert'), h('th', {}, 'Cluster'),
          h('th', {}, 'Status'), h('th', {}, 'Series'), h('th', {}, 'Started'), h('th', {}, ''))), body));
      }
    } catch (err) {
      clear(results);
      append(results, h('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
    }
  };
  const form = h('form', { class: 'row' }, cluster, alert, h('label', {}, 'from ', from), h('label', {}, 'to ', to),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => { e.preventDefault(); void search(); });
  append(app, h('section', { class: 'card' }, h('h1', {}, 'Past analyses'), form, results));
  void search();
}

/** How far an analysis got: classified of discovered series (an ended one shows its final counts). */
function progressText(a: Analysis): string {
  const p = a.progress;
  if (!p || p.discovered === 0) return a.status === 'PENDING' ? 'waiting to start' : '—';
  return `${p.classified.toLocaleString('en')} of ${p.discovered.toLocaleString('en')} classified`;
}

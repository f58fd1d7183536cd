import { getJson, putJson } from '../api';
import { append, h } from '../dom';
import { PATTERNS as ALL_PATTERNS, type Me } from '../types';

interface Ranking {
  tenant: string; stillAbnormal: number; recovered: number; patternWeights: Record<string, number>; hiddenPatterns: string[];
  reference: string | null;
}

/** Patterns a tenant can hide: every class but NONE, which is never ranked. */
const PATTERNS = ALL_PATTERNS.filter((p) => p !== 'NONE');

/** Each of the caller's tenants' ranking: the two weights and the patterns to hide. */
export function settingsPage(app: HTMLElement, me: Me): void {
  append(app, h('section', { class: 'card' }, h('h1', {}, 'Ranking'),
    h('p', { class: 'muted' }, 'Score = −log(max(p, 1e-4)) × weight. Applies to analyses that end after saving.')));
  const tenants = me.tenants.filter((t) => t !== '*');
  if (tenants.length === 0) append(app, h('p', { class: 'muted' }, 'This token is not bound to a named tenant.'));
  for (const tenant of tenants) {
    void tenantForm(app, tenant);
    void relevanceForm(app, tenant);
  }
}

interface RelevanceFigures {
  enabled: boolean; relevantLabels: number; notRelevantLabels: number; minLabels: number; trained: boolean;
  forestAuc: number | null; patternMatcherAuc: number | null; usedThreshold: number | null; note: string;
}

/** Whether the tenant's reports rank by the relevance learnt from its feedback, and how well it is learnt. */
async function relevanceForm(app: HTMLElement, tenant: string): Promise<void> {
  const path = `/api/v1/tenants/${encodeURIComponent(tenant)}/relevance`;
  const card = h('section', { class: 'card relevance', 'data-tenant': tenant });
  append(app, card);
  const show = (r: RelevanceFigures) => {
    while (card.firstChild) card.removeChild(card.firstChild);
    const box = h('input', { type: 'checkbox', name: 'relevanceEnabled', checked: r.enabled });
    box.addEventListener('change', async () => {
      try {
        show(await putJson<RelevanceFigures>(path, { enabled: box.checked }));
      } catch (err) {
        append(card, h('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
      }
    });
    append(card, h('h2', {}, `Learnt relevance · ${tenant}`),
      h('label', {}, box, ' Rank reports by the relevance learnt from feedback (PatternMatcher score shown beside it)'),
      h('p', { class: 'muted' }, `${r.relevantLabels} findings called root cause or symptom, ${r.notRelevantLabels} not anomalous; `
        + (r.trained && r.forestAuc !== null
          ? `cross-validated AUC ${r.forestAuc.toFixed(2)} against the PatternMatcher score's ${r.patternMatcherAuc?.toFixed(2)}, threshold ${r.usedThreshold?.toFixed(2)}.`
          : r.note)));
  };
  try {
    show(await getJson<RelevanceFigures>(path));
  } catch (err) {
    append(card, h('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
  }
}

async function tenantForm(app: HTMLElement, tenant: string): Promise<void> {
  const path = `/api/v1/tenants/${encodeURIComponent(tenant)}/ranking`;
  // novalidate: the server's sentence says what is wrong better than the browser's bubble.
  const card = h('form', { class: 'card', 'data-tenant': tenant, novalidate: true });
  append(app, card);
  let current: Ranking;
  try {
    current = await getJson<Ranking>(path);
  } catch (err) {
    append(card, h('h2', {}, tenant), h('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
    return;
  }
  const still = h('input', { type: 'number', step: '0.1', min: 0, max: 10, value: current.stillAbnormal, name: 'stillAbnormal' });
  const recovered = h('input', { type: 'number', step: '0.1', min: 0, max: 10, value: current.recovered, name: 'recovered' });
  const weights = h('input', { type: 'text', name: 'patternWeights', class: 'weights', placeholder: 'SINGLE_SPIKE=1.5, FLUCTUATIONS=0.1',
    value: Object.entries(current.patternWeights).map(([p, w]) => `${p}=${w}`).join(', ') });
  const boxes = PATTERNS.map((p) => h('label', { class: 'chip' },
    h('input', { type: 'checkbox', value: p, checked: current.hiddenPatterns.includes(p) }), ` ${p}`));
  // '' keeps the tenant on the service's default, so saving weights does not pin a reference.
  const reference = h('select', { name: 'reference' },
    ...[['', 'the default (the preceding window)'], ['PRECEDING', 'PRECEDING'], ['AUTO', 'AUTO'], ['DAILY', 'DAILY'],
      ['WEEKLY', 'WEEKLY']].map(([r, text]) => h('option',
      r === (current.reference ?? '') ? { value: r, selected: 'selected' } : { value: r }, text)));
  const message = h('p', { role: 'status' });
  append(card, h('h2', {}, `Tenant ${tenant}`),
    h('label', { class: 'wide' }, 'Compare test windows with, when a request names no reference ', reference),
    h('div', { class: 'row' }, h('label', {}, 'Still abnormal (type 1) ', still), h('label', {}, 'Recovered (type 2) ', recovered)),
    h('label', { class: 'wide' }, 'Per-pattern weights (override the type\'s weight) ', weights),
    h('p', {}, 'Hide these patterns from the findings:'), h('div', { class: 'chips' }, ...boxes),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save')), message);
  card.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.className = '';
    const hidden = boxes.map((b) => b.querySelector('input')!).filter((i) => i.checked).map((i) => i.value);
    try {
      current = await putJson<Ranking>(path, { stillAbnormal: Number(still.value), recovered: Number(recovered.value),
        patternWeights: parseWeights(weights.value), hiddenPatterns: hidden, reference: reference.value || null });
      message.textContent = 'Saved.';
    } catch (err) {
      message.className = 'error';
      message.textContent = err instanceof Error ? err.message : String(err);
    }
  });
}

/** "SINGLE_SPIKE=1.5, FLUCTUATIONS=0.1" → {SINGLE_SPIKE: 1.5, FLUCTUATIONS: 0.1}; the server checks names and ranges. */
function parseWeights(text: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, value] = part.split('=').map((s) => s.trim());
    const weight = Number(value);
    out[name] = value !== undefined && value !== '' && Number.isFinite(weight) ? weight : (value ?? '');
  }
  return out;
}

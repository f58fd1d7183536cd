import { ApiError, getJson, getText, streamEvents } from '../api';
import { seriesChart } from '../chart';
import { append, clear, download, h, labelChips, time } from '../dom';
import { ENDED, type Analysis, type Component, type Feedback, type Finding, type Group, type Report, type Values } from '../types';
import { feedbackBar, FeedbackState } from './feedback';

const CHARTS = 8; // charts drawn for the top groups; the rest on demand

/** One analysis: live progress while it runs (SSE), then its report. Returns a cleanup for leaving the page. */
export function analysisPage(app: HTMLElement, id: string): () => void {
  const abort = new AbortController();
  const progress = h('section', { class: 'card', id: 'progress' }, h('h1', {}, 'Analysis'), h('p', { class: 'muted' }, 'Loading…'));
  const report = h('div', { id: 'report' });
  append(app, progress, report);
  void follow(id, progress, report, abort.signal);
  return () => abort.abort();
}

async function follow(id: string, progress: HTMLElement, reportBox: HTMLElement, signal: AbortSignal): Promise<void> {
  const path = `/api/v1/analyses/${encodeURIComponent(id)}`;
  try {
    let last = await getJson<Analysis>(path);
    showProgress(progress, last);
    if (!ENDED.includes(last.status)) {
      const stall = watchForStall(progress, () => last, signal);
      try {
        await streamEvents(`${path}/events`, (data) => {
          if (data.error) throw new ApiError(data.status, data.error);
          last = data as Analysis;
          stall.changed();
          showProgress(progress, last);
        }, signal);
      } finally {
        stall.stop();
      }
    }
    if (ENDED.includes(last.status)) {
      const [report, feedback] = await Promise.all([getJson<Report>(`${path}/report`), getJson<Feedback[]>(`${path}/feedback`)]);
      showReport(reportBox, report, new FeedbackState(id, feedback));
    }
  } catch (err) {
    if (signal.aborted) return;
    append(progress, h('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
  }
}

/** Seconds without a progress event after which a running analysis says it is waiting, and why that is normal. */
const STALL_SECONDS = 15;

/**
 * A stage that died mid-batch leaves the meters still until its messages come back (about 10 s)
 * or a replica restarts: say so instead of leaving the operator with frozen bars.
 */
function watchForStall(box: HTMLElement, current: () => Analysis, signal: AbortSignal) {
  let since = Date.now();
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - since) / 1000);
    if (signal.aborted || seconds < STALL_SECONDS || current().status !== 'RUNNING') return;
    let note = box.querySelector<HTMLElement>('#stalled');
    if (!note) {
      note = h('p', { class: 'muted', id: 'stalled', role: 'status' });
      append(box, note);
    }
    note.textContent = `No progress for ${seconds} s. Work held by a stage that stopped comes back to another replica `
      + 'within about 10 s, or when the stage restarts; an analysis without progress for 10 minutes ends FAILED with the reason.';
  }, 1000);
  return { changed: () => { since = Date.now(); }, stop: () => clearInterval(timer) };
}

function showProgress(box: HTMLElement, a: Analysis): void {
  clear(box);
  const p = a.progress ?? { discovered: 0, fetched: 0, screened: 0, classified: 0 };
  const bar = (label: string, n: number) => h('div', { class: 'stage' },
    h('span', { class: 'stage-name' }, label),
    h('meter', { min: 0, max: Math.max(1, p.discovered), value: n }),
    h('span', { class: 'stage-count' }, n.toLocaleString('en')));
  const ended = ENDED.includes(a.status);
  append(box,
    h('h1', {}, a.alert ? a.alert.name : 'Window analysis', ' ', h('span', { class: `status ${a.status.toLowerCase()}`, id: 'status' }, a.status)),
    h('p', { class: 'muted' }, `cluster ${a.cluster} · window ${time(a.window.start)} → ${time(a.window.end)} · tested from ${time(a.window.testStart)}`),
    a.alert ? labelChips(a.alert.labels, ['alertname']) : null,
    // While it runs: one meter per stage. Once it ended: the counts on one line, the report below.
    ended
      ? h('p', { class: 'stages-done' }, ...(['discovered', 'fetched', 'screened', 'classified'] as const).map((k) =>
          h('span', {}, h('b', { 'data-stage': k }, p[k].toLocaleString('en')), ` ${k} `)))
      : h('div', { class: 'stages' }, bar('Discovered', p.discovered), bar('Fetched', p.fetched), bar('Screened', p.screened),
          bar('Classified', p.classified)),
    a.status === 'PENDING'
      ? h('p', { class: 'muted', id: 'waiting' }, `Queued at ${time(a.createdAt)}: waiting for a fetcher to take it `
        + '(one that makes no progress for 10 minutes ends FAILED with the reason).')
      : null,
    a.statusReason ? h('p', { class: 'error' }, a.statusReason) : null);
}

function showReport(box: HTMLElement, report: Report, feedback: FeedbackState): void {
  clear(box);
  const s = report.summary;
  const findings = new Map(report.findings.map((f) => [f.series, f]));
  const patterns = [...new Set(report.groups.map((g) => g.pattern))].sort();
  const patternFilter = h('select', { id: 'f-pattern' }, h('option', { value: '' }, 'all patterns'),
    ...patterns.map((p) => h('option', { value: p }, p)));
  const typeFilter = h('select', { id: 'f-type' }, h('option', { value: '' }, 'all types'),
    h('option', { value: '1' }, 'type 1: still abnormal'), h('option', { value: '2' }, 'type 2: recovered'));
  const exportJson = h('button', { type: 'button' }, 'Export JSON');
  exportJson.addEventListener('click', () => download(`patternscope-${report.analysisId}.json`, 'application/json',
    JSON.stringify(report, null, 2)));
  const exportMd = h('button', { type: 'button' }, 'Export Markdown');
  exportMd.addEventListener('click', async () => download(`patternscope-${report.analysisId}.md`, 'text/markdown',
    await getText(`/api/v1/analyses/${encodeURIComponent(report.analysisId)}/report.md`, 'text/markdown')));

  append(box, h('section', { class: 'card summary' },
    h('h2', {}, 'Summary'),
    h('p', {}, `${s.seriesDiscovered.toLocaleString('en')} series discovered, ${s.seriesFetched.toLocaleString('en')} fetched; ${report.status}${report.statusReason ? ': ' + report.statusReason : ''}`),
    h('ul', { class: 'facts' },
      h('li', {}, h('b', {}, s.seriesScreened.toLocaleString('en')), ' series screened'),
      h('li', {}, h('b', {}, s.significant.toLocaleString('en')), ' significant (BH q ≤ ', String(report.fdrLevel), ')'),
      h('li', {}, h('b', {}, s.changed.toLocaleString('en')), ' changed (effect ≥ ', String(report.minEffectSize), ' σ',
        report.discordThreshold != null ? `, or discord ≥ ${report.discordThreshold}` : '', ')'),
      h('li', {}, h('b', {}, String(report.groups.length)), ' groups'),
      h('li', {}, 'model ', report.model ?? 'none', ' · fetch ', report.fetchMethod ?? '—'),
      s.insufficientData + s.constant + s.unconvertedCounter + s.errors > 0
        ? h('li', {}, `data quality: ${s.insufficientData} insufficient, ${s.constant} constant, ${s.unconvertedCounter} unconverted counters, ${s.errors} errors`)
        : null,
      s.notScreened > 0 ? h('li', { class: 'error' }, `${s.notScreened.toLocaleString('en')} fetched series never screened`) : null),
    h('div', { class: 'chips' }, ...Object.entries(s.perPattern).sort(([, a], [, b]) => b - a)
      .map(([p, n]) => h('span', { class: `badge t${typeOf(p, report)}` }, `${p} ${n}`))),
    ...s.partialReasons.map((r) => h('p', { class: 'error' }, r)),
    ...s.notes.map((n) => h('p', { class: 'muted' }, n)),
    h('div', { class: 'row' }, patternFilter, typeFilter, exportJson, exportMd)));

  append(box, componentsCard(report));
  const list = h('ol', { class: 'findings', id: 'findings' });
  append(box, h('section', { class: 'card' }, h('h2', {}, 'Ranked findings'), list));
  const render = () => {
    clear(list);
    let charts = 0;
    for (const g of report.groups) {
      if (patternFilter.value && g.pattern !== patternFilter.value) continue;
      if (typeFilter.value && String(g.patternType) !== typeFilter.value) continue;
      const lead = findings.get(g.members[0]);
      append(list, groupItem(report, g, lead, findings, charts++ < CHARTS, feedback));
    }
    if (!list.firstChild) append(list, h('li', { class: 'muted' }, 'No finding matches the filters.'));
  };
  patternFilter.addEventListener('change', render);
  typeFilter.addEventListener('change', render);
  render();
  append(box, knownNormalCard(report));
}

/** Changed series that a features profile matched: operators called windows like them normal, so they are not ranked. */
function knownNormalCard(report: Report): HTMLElement | null {
  const known = report.knownNormal ?? [];
  if (known.length === 0) return null;
  return h('section', { class: 'card', id: 'known-normal' },
    h('h2', {}, `Matched known-normal (${known.length})`),
    h('p', { class: 'muted' }, 'Changed, but like a window an operator called normal: listed, not ranked. '
      + 'A wrong match is undone by disabling its profile on the Profiles page.'),
    h('ul', { class: 'findings' }, ...known.map((k) => h('li', { class: 'known', 'data-series': k.series, 'data-profile': k.profileId },
      h('code', {}, k.series),
      h('span', { class: 'muted' }, ` ${k.pattern} · profile #${k.profileId} (generation ${k.profileGeneration}) · ${k.matchedBy}`
        + (k.distance !== null ? ` · distance ${k.distance.toFixed(3)}` : '') + (k.learnt ? ' · learnt a new generation' : ''))))));
}

/** The report's lead: the likely root-cause components, each with why and its strongest findings. */
function componentsCard(report: Report): HTMLElement {
  const causes = report.likelyRootCauses ?? [];
  const graph = report.serviceGraph;
  const item = (c: Component, id: string) => h('li', { class: 'component', 'data-component': c.component, id },
    h('div', { class: 'finding-head' },
      h('span', { class: 'rank' }, c.rank > 0 ? `#${c.rank}` : '!'),
      h('span', { class: 'metric' }, c.component),
      h('span', { class: 'members' }, `score ${c.score.toFixed(1)} · ${c.findings} finding${c.findings === 1 ? '' : 's'}`)),
    h('div', { class: 'muted' }, c.reason, c.onset ? ` · from ${time(c.onset)}` : ''),
    h('ul', { class: 'group-members' }, ...c.evidence.map((e) => h('li', {}, h('code', {}, e.series),
      h('span', { class: 'muted' }, ` ${e.pattern} · ${e.effectSize.toFixed(1)} σ`)))));
  return h('section', { class: 'card', id: 'root-causes' },
    h('h2', {}, 'Likely root-cause components'),
    causes.length === 0
      ? h('p', { class: 'muted' }, 'No changed series belongs to a component (see the component labels in the README).')
      : h('ol', { class: 'findings' }, ...causes.map((c) => item(c, `cause-${c.rank}`))),
    report.alertingComponent
      ? h('div', {}, h('h3', {}, 'Alerting component'), h('ul', { class: 'findings' }, item(report.alertingComponent, 'alerting')))
      : null,
    h('p', { class: 'muted' }, graph && graph.edgeCount > 0
      ? `Service graph: ${graph.edgeCount} edges from ${graph.sources.join(', ')}.`
      : 'No service graph: components ranked by the strength of their changes.'));
}

function typeOf(pattern: string, report: Report): number {
  return report.groups.find((g) => g.pattern === pattern)?.patternType ?? 0;
}

function groupItem(report: Report, g: Group, lead: Finding | undefined, findings: Map<string, Finding>, drawChart: boolean,
  feedback: FeedbackState): HTMLElement {
  const chartBox = h('div', { class: 'chart' });
  const item = h('li', { class: 'finding', 'data-rank': g.rank, 'data-series': lead?.series ?? '' },
    h('div', { class: 'finding-head' },
      h('span', { class: 'rank' }, `#${g.rank}`),
      h('span', { class: 'metric' }, lead?.metric ?? g.title),
      h('span', { class: `badge t${g.patternType}`, title: g.patternType === 1 ? 'still abnormal' : 'recovered' },
        g.pattern, ' · type ', String(g.patternType)),
      lead?.uncertain ? uncertainMark() : null,
      g.size > 1 ? h('span', { class: 'members' }, `${g.size} series`) : null),
    h('div', { class: 'muted' }, g.title),
    lead ? labelChips(lead.labels, ['__name__']) : null,
    lead ? evidence(lead) : null,
    chartBox);
  if (lead) {
    const copy = h('button', { type: 'button', class: 'link' }, 'Copy PromQL');
    copy.addEventListener('click', async () => {
      await navigator.clipboard.writeText(lead.promql).catch(() => undefined);
      copy.textContent = 'Copied';
    });
    append(item, h('div', { class: 'promql' }, h('code', {}, lead.promql), copy), feedbackBar(feedback, lead.series, g.rank, g.members));
    if (drawChart) void chart(report, lead, chartBox);
    else {
      const show = h('button', { type: 'button', class: 'link' }, 'Show chart');
      show.addEventListener('click', () => { show.remove(); void chart(report, lead, chartBox); });
      append(chartBox, show);
    }
  }
  if (g.size > 1) {
    const members = h('ul', { class: 'group-members' });
    for (const m of g.members) {
      const f = findings.get(m);
      append(members, h('li', { 'data-series': m }, h('code', {}, m),
        f ? h('span', { class: 'muted' }, ` score ${f.score.toFixed(2)} `) : null, f?.uncertain ? uncertainMark() : null));
    }
    append(item, h('details', {}, h('summary', {}, `All ${g.size} series of this group`), members));
  }
  return item;
}

/** A pattern name the model is unsure of: below its uncertain-below level, held-out verdicts were right far less often. */
function uncertainMark(): HTMLElement {
  return h('span', { class: 'badge uncertain', title: 'the model is unsure of this pattern: on real metrics it was held out '
    + 'from, verdicts this unsure were right far less often than the others (the model card gives the figures); check the chart' }, 'uncertain');
}

function evidence(f: Finding): HTMLElement {
  const fmt = (x: number) => (x === 0 ? '< 1e-300' : x < 1e-3 ? x.toExponential(1) : x.toFixed(3));
  return h('div', { class: 'evidence' },
    `p ${fmt(f.pValue)} · q ${fmt(f.qValue)} · D ${f.ksStatistic.toFixed(2)} · effect ${f.effectSize.toFixed(1)} σ ${f.direction}`,
    f.detectors && f.detectors.length > 0 ? ` · ${f.detectors.join(' + ').toLowerCase().replace('_', ' ')}` : '',
    f.component ? ` · component ${f.component}` : '',
    f.error ? ` · ${f.error}` : '',
    ` · onset ${time(f.onset)}`,
    f.confidence !== null ? ` · confidence ${(f.confidence * 100).toFixed(0)} %` : '',
    ` · score ${f.score.toFixed(2)}`,
    f.relevance !== null && f.relevance !== undefined ? ` · relevance ${f.relevance.toFixed(2)}` : '');
}

async function chart(report: Report, f: Finding, box: HTMLElement): Promise<void> {
  try {
    const values = await getJson<Values>(`/api/v1/analyses/${encodeURIComponent(report.analysisId)}/values?series=${encodeURIComponent(f.series)}`);
    if (values.timestamps.length === 0) {
      append(box, h('p', { class: 'muted' }, 'The backend no longer has this series.'));
      return;
    }
    seriesChart(box, values, report.window, f.onset, report.alert?.activeAt ?? null);
  } catch (err) {
    append(box, h('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
  }
}

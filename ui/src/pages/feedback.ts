import { del, getJson, postJson } from '../api';
import { append, clear, h } from '../dom';
import { PATTERNS, type Feedback } from '../types';

const VERDICTS: Record<string, string> = {
  ROOT_CAUSE: 'root cause', SYMPTOM: 'symptom', NOT_ANOMALOUS: 'not anomalous', WRONG_PATTERN: 'wrong pattern',
};

/** The analysis's current feedback by series, kept in step with every answer the API gives. */
export class FeedbackState {
  private readonly bySeries = new Map<string, Feedback>();
  private readonly listeners = new Set<() => void>();

  constructor(readonly analysisId: string, current: Feedback[]) {
    this.replace(current);
  }

  get(series: string): Feedback | undefined {
    return this.bySeries.get(series);
  }

  replace(current: Feedback[]): void {
    this.bySeries.clear();
    for (const f of current) this.bySeries.set(f.series, f);
    this.listeners.forEach((l) => l());
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  path(): string {
    return `/api/v1/analyses/${encodeURIComponent(this.analysisId)}/feedback`;
  }
}

/**
 * Buttons on a finding (its group's lead series): root cause, symptom, not anomalous (just that, or
 * with a features profile, learning or not), wrong pattern → the right one; once said, who said
 * what, with Undo. {@code members}: the group's other series, which a word on the group reaches too.
 */
export function feedbackBar(state: FeedbackState, series: string, group: number, members: string[]): HTMLElement {
  const bar = h('div', { class: 'feedback', 'data-series': series });
  const message = h('span', { class: 'error', role: 'status' });
  const wholeGroup = members.length > 1
    ? h('input', { type: 'checkbox', class: 'whole-group', title: `every one of the group's ${members.length} series` })
    : null;
  const say = async (body: Record<string, string>) => {
    message.textContent = '';
    try {
      const target = wholeGroup?.checked ? { group } : { series };
      state.replace(await postJson<Feedback[]>(state.path(), { ...target, ...body }));
    } catch (err) {
      message.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  const button = (label: string, cls: string, action: () => void) => {
    const b = h('button', { type: 'button', class: `link ${cls}` }, label);
    b.addEventListener('click', action);
    return b;
  };
  const render = () => {
    clear(bar);
    const f = state.get(series);
    if (f) {
      const said = VERDICTS[f.verdict] + (f.pattern ? ` → ${f.pattern}` : '');
      append(bar, h('span', { class: 'said', 'data-verdict': f.verdict }, `Marked ${said} by ${f.author}`,
        f.profileId !== null ? ` · profile #${f.profileId}` : ''),
      button('Undo', 'undo', async () => {
        message.textContent = '';
        try {
          const targets = f.group !== null ? members : [series];
          for (const s of targets) {
            if (state.get(s)) await del(`${state.path()}?series=${encodeURIComponent(s)}`);
          }
          state.replace(await getJson<Feedback[]>(state.path()));
        } catch (err) {
          message.textContent = err instanceof Error ? err.message : String(err);
        }
      }), message);
      return;
    }
    const wrong = h('select', { class: 'wrong-pattern', 'aria-label': 'wrong pattern: the right one is' },
      h('option', { value: '' }, 'Wrong pattern…'), ...PATTERNS.map((p) => h('option', { value: p }, p)));
    wrong.addEventListener('change', () => { if (wrong.value) void say({ verdict: 'WRONG_PATTERN', pattern: wrong.value }); });
    append(bar, h('span', { class: 'muted' }, 'This is '),
      button('Root cause', 'root-cause', () => void say({ verdict: 'ROOT_CAUSE' })),
      button('Symptom', 'symptom', () => void say({ verdict: 'SYMPTOM' })),
      button('Not anomalous', 'not-anomalous', () => notAnomalous()),
      wrong,
      wholeGroup ? h('label', { class: 'muted' }, wholeGroup, ` whole group (${members.length})`) : null,
      message);
  };
  const notAnomalous = () => {
    clear(bar);
    append(bar, h('span', { class: 'muted' }, 'Not anomalous: '),
      button('Just mark it', 'just-mark', () => void say({ verdict: 'NOT_ANOMALOUS' })),
      button('Create profile', 'create-profile', () => void say({ verdict: 'NOT_ANOMALOUS', profile: 'CREATE' })),
      button('Create profile and learn', 'create-and-learn', () => void say({ verdict: 'NOT_ANOMALOUS', profile: 'CREATE_AND_LEARN' })),
      button('Cancel', 'cancel', render),
      h('span', { class: 'muted' }, ' (a profile lists windows like this one as known normal in later reports)'),
      message);
  };
  state.onChange(() => { if (bar.isConnected) render(); });
  render();
  return bar;
}

// The gateway's JSON, as the UI reads it (core/src/main/java/io/patternscope/core/api/ApiViews.java).

export interface Me { name: string; tenants: string[]; clusters: string[] }

export interface Alert {
  cluster: string; name: string; state: string; labels: Record<string, string>;
  annotations: Record<string, string>; activeAt: string | null; value: string | null; source: string;
  /** The last time a resolved alert was seen firing; null while it fires. */
  resolvedAt: string | null;
}
export interface Alerts { alerts: Alert[]; errors: { cluster: string; error: string }[] }

export interface Window { start: string; testStart: string; end: string; stepSeconds: number }
export interface Progress { discovered: number; fetched: number; screened: number; classified: number }
export interface Analysis {
  id: string; cluster: string; status: string; statusReason: string | null;
  alert: { name: string; labels: Record<string, string>; activeAt: string } | null;
  window: Window; progress: Progress | null; createdAt: string; completedAt: string | null;
}

export interface Finding {
  rank: number; series: string; metric: string; labels: Record<string, string>; valueKind: string;
  pattern: string; patternType: number; confidence: number | null; uncertain: boolean; score: number; pValue: number;
  qValue: number; ksStatistic: number; effectSize: number; direction: string; onset: string | null; promql: string;
  component: string | null; detectors: string[]; error: string | null;
  /** The tenant's learnt relevance in [0, 1]; null until it has a model. */
  relevance: number | null;
}
export interface Evidence { series: string; pattern: string; effectSize: number; onset: string | null }
export interface Component {
  rank: number; component: string; score: number; reason: string; onset: string | null; findings: number; evidence: Evidence[];
}
export interface ServiceGraph { sources: string[]; edgeCount: number; edges: string[] }
export interface Group {
  rank: number; title: string; pattern: string; patternType: number; onset: string | null; size: number; members: string[];
}
export interface Summary {
  seriesDiscovered: number; seriesFetched: number; seriesScreened: number; tested: number; insufficientData: number;
  constant: number; unconvertedCounter: number; errors: number; notScreened: number; significant: number; belowMinEffect: number; changed: number;
  perPattern: Record<string, number>; partialReasons: string[]; notes: string[];
}
export interface Report {
  analysisId: string; cluster: string; status: string; statusReason: string | null;
  alert: { name: string; labels: Record<string, string>; activeAt: string } | null;
  window: Window; model: string | null; fetchMethod: string | null; fdrLevel: number; minEffectSize: number;
  discordThreshold: number | null; summary: Summary; likelyRootCauses: Component[]; alertingComponent: Component | null; serviceGraph: ServiceGraph | null;
  groups: Group[]; findings: Finding[]; knownNormal: KnownNormal[] | null; generatedAt: string;
}
/** A changed series a features profile took out of the ranking. */
export interface KnownNormal {
  series: string; metric: string; labels: Record<string, string>; pattern: string; profileId: number;
  profileGeneration: number; matchedBy: string; distance: number | null; learnt: boolean;
}
export interface Feedback {
  id: number; analysisId: string; series: string; group: number | null; verdict: string; pattern: string | null;
  comment: string | null; author: string; at: string; profileId: number | null; current: boolean;
}
export interface Profile {
  id: number; tenant: string; metric: string; identity: string; learn: boolean; generation: number; parentId: number | null;
  enabled: boolean; validated: boolean; layers: Record<string, number> | null; checks: number; matches: number;
  lastMatchedAt: string | null; createdBy: string; createdAt: string; sourceAnalysis: string | null;
  sourceSeries: string | null; values: (number | string | null)[] | null;
}

/** The pattern classes a finding can have (core's PatternClass). */
export const PATTERNS = ['LEVEL_SHIFT_UP', 'LEVEL_SHIFT_DOWN', 'STEADY_INCREASE', 'STEADY_DECREASE', 'SUDDEN_INCREASE',
  'SUDDEN_DECREASE', 'SINGLE_SPIKE', 'SINGLE_DIP', 'MULTIPLE_SPIKES', 'MULTIPLE_DIPS', 'TRANSIENT_LEVEL_SHIFT_UP',
  'TRANSIENT_LEVEL_SHIFT_DOWN', 'FLUCTUATIONS', 'NONE'];
export interface Values { series: string; query: string; timestamps: number[]; values: (number | null)[] }

export const ENDED = ['COMPLETED', 'PARTIAL', 'FAILED'];

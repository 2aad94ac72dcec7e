/**
 * Shapes of a parsed `/_status/vars` page (Prometheus text format 0.0.4).
 * Kept apart from the parser so node-id.ts and collapse.ts can import them without a cycle.
 */

/** TYPE values of format 0.0.4; anything else on a TYPE line is read as `untyped`. */
export const METRIC_TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

/** Label name → unescaped value. A null-prototype object: `__proto__` is a legal label name. */
export type Labels = Record<string, string>;

export interface Sample {
  readonly labels: Labels;
  /** May be NaN or ±Infinity: they are legal sample values (`NaN`, `+Inf`, `-Inf`). */
  readonly value: number;
  /** Milliseconds since the epoch, only when the line carried one (CockroachDB never prints it). */
  readonly timestampMs?: number;
}

export interface FamilyMeta {
  /** `untyped` when the family had no TYPE line. */
  readonly type: MetricType;
  /** Unescaped HELP text; undefined when the family had no HELP line. */
  readonly help?: string;
}

/** The node's own id and addresses, from `node_id{advertise_addr=…,http_addr=…,sql_addr=…} N`. */
export interface NodeIdentity {
  node_id: number;
  labels: Record<string, string>;
}

export interface ParseOptions {
  /**
   * Which families to keep. Asked once per family name: the TYPE/HELP name for typed families
   * (so `x_bucket`, `x_sum`, `x_count` follow `x`), the bare sample name otherwise.
   */
  keep: (family: string) => boolean;
}

export interface ParsedExposition {
  /** false when the body is not the exposition format at all (HTML, JSON, binary, empty). */
  readonly valid: boolean;
  /** Why `valid` is false. */
  readonly reason?: string;
  /** Per kept *sample* name (`x`, `x_bucket`, `x_sum`, …), in page order. */
  readonly samples: ReadonlyMap<string, readonly Sample[]>;
  /** Per kept *family* name: its TYPE and HELP. */
  readonly families: ReadonlyMap<string, FamilyMeta>;
  /** Always looked for, whatever `keep` says about `node_id`. */
  readonly nodeIdentity: NodeIdentity | null;
  /**
   * Lines that were examined and could not be parsed (they are skipped). Lines of rejected
   * families are not examined, so they are never counted: the filter is what makes it fast.
   */
  readonly malformedLines: number;
  /** The first malformed line's problem, with its 1-based line number. */
  readonly firstError?: string;
}

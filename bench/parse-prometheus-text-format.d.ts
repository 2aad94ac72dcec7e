/**
 * Types for the benchmark baseline (the package ships none). Shape as observed from
 * parse-prometheus-text-format 1.1.1: values stay strings; histograms and summaries carry
 * `buckets`/`quantiles` with `count` and `sum`.
 */
declare module 'parse-prometheus-text-format' {
  export interface BaselineMetric {
    labels?: Record<string, string>;
    value?: string;
    timestamp_ms?: string;
    buckets?: Record<string, string>;
    quantiles?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  export interface BaselineFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: BaselineMetric[];
  }
  export default function parsePrometheusTextFormat(text: string): BaselineFamily[];
}

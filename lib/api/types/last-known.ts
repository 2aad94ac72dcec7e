/**
 * Set on an answer served from memory because SQL stopped answering: the last answer the cluster
 * gave, with when it was true and since when SQL has been unreachable. Null on a live answer.
 */
export interface LastKnown {
  /** When the cluster last answered this (the answer's own time). */
  as_of: string;
  /** The first failed read after that answer. */
  unreachable_since: string;
  error: { code: string; message: string };
}

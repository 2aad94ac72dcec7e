/**
 * CockroachDB's internal metric name → the name `/_status/vars` prints.
 *
 * Port of CRDB pkg/util/metric/registry.go (newer versions export it as `ExportedName`):
 *
 *   prometheusNameReplaceRE  = regexp.MustCompile("^[^a-zA-Z_:]|[^a-zA-Z0-9_:]")
 *   prometheusLabelReplaceRE = regexp.MustCompile("^[^a-zA-Z_]|[^a-zA-Z0-9_]")
 *   func exportedName(name string) string { return prometheusNameReplaceRE.ReplaceAllString(name, "_") }
 *
 * Dots *and dashes* become `_`, case is kept: `schedules.BACKUP.last-completed-time` →
 * `schedules_BACKUP_last_completed_time` (reference cockroachdb.md a.1).
 *
 * The `u` flag makes one replacement per code point, as Go's regexp works on runes: an astral
 * character is one `_`, not two (one per UTF-16 surrogate).
 */
const NAME_REPLACE = /^[^a-zA-Z_:]|[^a-zA-Z0-9_:]/gu;
const LABEL_REPLACE = /^[^a-zA-Z_]|[^a-zA-Z0-9_]/gu;

export function exportedName(name: string): string {
  return name.replace(NAME_REPLACE, '_');
}

/** Same for label keys (recorder label `advertise-addr` → `advertise_addr`); `:` is not allowed there. */
export function exportedLabelName(name: string): string {
  return name.replace(LABEL_REPLACE, '_');
}

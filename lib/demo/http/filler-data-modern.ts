/**
 * Families of modern (23.x+) CockroachDB that the v19.2.2 capture lacks. Pure data; names, TYPEs
 * and HELP strings copied from real 23.x output (DataDog/integrations-core
 * cockroachdb/tests/fixtures/{jobs,sql,raft}_metrics.txt) and, for jobs_* registry metrics, the
 * docs metric catalog (shared/reference/crdb-docs/metrics-catalog/). Where a family is also in
 * the v19 data, this row wins.
 */
import type { FillerRow } from './filler-types';

export const MODERN_FAMILIES: readonly FillerRow[] = [
  // Job registry (pkg/jobs/metrics.go; catalog v24.2–v26.3).
  ['jobs_adopt_iterations', 'c', 'n', 'number of job-adopt iterations performed by the registry'],
  ['jobs_claimed_jobs', 'c', 'n', 'number of jobs claimed in job-adopt iterations'],
  ['jobs_resumed_claimed_jobs', 'c', 'n', 'number of claimed-jobs resumed in job-adopt iterations'],
  ['jobs_running_non_idle', 'g', 'n', 'number of running jobs that are not idle'],
  ['jobs_metrics_task_failed', 'c', 'n', 'Number of metrics poller tasks that failed'],
  // Row-level TTL (jobs_metrics.txt); BatchProcessLatencyBuckets.
  ['jobs_row_level_ttl_delete_duration', 'h', 'n', 'Duration for delete requests during row level TTL.', 'batch'],
  ['jobs_row_level_ttl_select_duration', 'h', 'n', 'Duration for select requests during row level TTL.', 'batch'],
  ['jobs_row_level_ttl_num_active_spans', 'g', 'n', 'Number of active spans the TTL job is deleting from.'],
  // Protected timestamps as KV sees them (sql_metrics.txt).
  ['spanconfig_kvsubscriber_protected_record_count', 'g', 'n', 'Number of protected timestamp records, as seen by KV'],
  [
    'spanconfig_kvsubscriber_oldest_protected_record_nanos',
    'g',
    'n',
    'Difference between the current time and the oldest protected timestamp (sudden drops indicate a record being released; an ever increasing number indicates that the oldest record is around and preventing GC if > configured GC TTL)',
  ],
  [
    'spanconfig_kvsubscriber_update_behind_nanos',
    'g',
    'n',
    "Difference between the current time and when the KVSubscriber received its last update (an ever increasing number indicates that we're no longer receiving updates)",
  ],
  // SQL (sql_metrics.txt).
  ['sql_copy_started_count', 'c', 'n', 'Number of COPY SQL statements started'],
  ['sql_guardrails_transaction_rows_written_log_count', 'c', 'n', 'Number of transactions logged because of transaction_rows_written_log guardrail'],
  ['sql_pre_serve_mem_max', 'h', 'n', 'Memory usage for SQL connections prior to routing the connection to the target SQL server', 'mem'],
  ['sql_pre_serve_mem_cur', 'g', 'n', 'Current memory usage for SQL connections prior to routing the connection to the target SQL server'],
  ['sql_stats_discarded_current', 'c', 'n', 'Number of fingerprint statistics being discarded'],
  [
    'sql_schema_invalid_objects',
    'g',
    'n',
    'Gauge of detected invalid objects within the system.descriptor table (measured by querying crdb_internal.invalid_objects)',
  ],
  ['sql_restart_savepoint_count_internal', 'c', 'n', 'Number of `SAVEPOINT cockroach_restart` statements successfully executed (internal queries)'],
  ['sql_query_started_count_internal', 'c', 'n', 'Number of SQL queries started (internal queries)'],
  ['sql_bytesout', 'c', 'n', 'Number of SQL bytes sent'],
  // Raft transport and store raft metrics (raft_metrics.txt).
  ['raft_transport_rcvd', 'c', 'n', 'Number of Raft messages received by the Raft Transport'],
  ['raft_transport_sends_dropped', 'c', 'n', 'Number of Raft message sends dropped by the Raft Transport'],
  ['raft_transport_flow_token_dispatches_dropped', 'c', 'n', 'Number of flow token dispatches dropped by the Raft Transport'],
  ['raft_rcvd_queued_bytes', 'g', 's', 'Number of bytes in messages currently waiting for raft processing'],
  ['raft_rcvd_vote', 'c', 's', 'Number of MsgVote messages received by this store'],
  ['raft_rcvd_prevote', 'c', 's', 'Number of MsgPreVote messages received by this store'],
  ['raft_rcvd_transferleader', 'c', 's', 'Number of MsgTransferLeader messages received by this store'],
  ['raft_rcvd_timeoutnow', 'c', 's', 'Number of MsgTimeoutNow messages received by this store'],
  ['raft_rcvd_dropped', 'c', 's', 'Number of incoming Raft messages dropped (due to queue length or size)'],
  ['raft_rcvd_dropped_bytes', 'c', 's', 'Bytes of dropped incoming Raft messages'],
  ['raft_timeoutcampaign', 'c', 's', 'Number of Raft replicas campaigning after missed heartbeats from leader'],
  ['raft_entrycache_bytes', 'g', 's', 'Aggregate size of all Raft entries in the Raft entry cache'],
  ['raft_entrycache_size', 'g', 's', 'Number of Raft entries in the Raft entry cache'],
  ['raft_entrycache_accesses', 'c', 's', 'Number of cache lookups in the Raft entry cache'],
  ['raft_entrycache_hits', 'c', 's', 'Number of successful cache lookups in the Raft entry cache'],
  ['raft_entrycache_read_bytes', 'c', 's', 'Counter of bytes in entries returned from the Raft entry cache'],
  [
    'raft_dropped_leader',
    'c',
    's',
    'Number of Raft proposals dropped by a Replica that believes itself to be the leader; each update also increments `raft.dropped` (this counts individial raftpb.Entry, not raftpb.MsgProp)',
  ],
  // A multi-line HELP, printed with `\n` escapes as 23.x does (exercises HELP escaping).
  [
    'raft_scheduler_latency',
    'h',
    's',
    'Queueing durations for ranges waiting to be processed by the Raft scheduler.\n\nThis histogram measures the delay from when a range is registered with the scheduler\nfor processing to when it is actually processed. This does not include the duration\nof processing.\n',
    'io',
  ],
];

/**
 * Job types other than backup/restore, as their per-type families are named (jobspb.Type lower-cased,
 * spaces → `_`), from a 23.x capture (jobs_metrics.txt) plus `migration`.
 */
export const OTHER_JOB_TYPES = [
  'auto_config_env_runner',
  'auto_config_runner',
  'auto_config_task',
  'auto_create_stats',
  'auto_schema_telemetry',
  'auto_span_config_reconciliation',
  'auto_sql_stats_compaction',
  'auto_update_sql_activity',
  'changefeed',
  'create_stats',
  'import',
  'key_visualizer',
  'migration',
  'mvcc_statistics_update',
  'new_schema_change',
  'poll_jobs_stats',
  'replication_stream_ingestion',
  'replication_stream_producer',
  'row_level_ttl',
  'schema_change',
  'schema_change_gc',
  'typedesc_schema_change',
] as const;

/** Scheduled-job executors other than BACKUP (schedules_<name>_{started,succeeded,failed}; sql_metrics.txt). */
export const OTHER_SCHEDULE_EXECUTORS = [
  'CHANGEFEED',
  'scheduled-row-level-ttl-executor',
  'scheduled-schema-telemetry-executor',
  'scheduled-sql-stats-compaction-executor',
] as const;

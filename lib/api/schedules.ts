/**
 * What the schedules routes do, so each route handler stays "parse → one call → respond": resolve
 * the cluster, validate the schedule id (400), read or control.
 */
import { ApiError } from '../errors';
import type { ScheduleDetail, SchedulesPage } from '../schedules/types';
import { controlSchedule, SCHEDULE_ACTIONS, type ScheduleAction, type ScheduleControlOutcome } from '../sql/schedule-control';
import { getSchedule, listSchedules } from '../sql/schedules';
import { resolveCluster } from './metrics';

const INT8_MAX = BigInt('9223372036854775807');

/** A schedule id is an INT8 (1–19 digits, at most 2^63−1): anything else would reach CockroachDB as an error. */
export function checkScheduleId(id: string): string {
  if (!/^\d{1,19}$/.test(id) || BigInt(id) > INT8_MAX) throw new ApiError('bad_request', `a schedule id is an INT8: 1 to 19 digits, not "${id.slice(0, 40)}"`);
  return id;
}

export async function schedulesForRequest(clusterId: string): Promise<SchedulesPage> {
  return listSchedules(await resolveCluster(clusterId));
}

export async function scheduleForRequest(clusterId: string, id: string): Promise<ScheduleDetail> {
  const cluster = await resolveCluster(clusterId);
  return getSchedule(cluster, checkScheduleId(id));
}

export async function scheduleControlForRequest(clusterId: string, id: string, action: string): Promise<ScheduleControlOutcome> {
  const cluster = await resolveCluster(clusterId);
  if (!(SCHEDULE_ACTIONS as readonly string[]).includes(action)) throw new ApiError('not_found', `no schedule action "${action.slice(0, 20)}" (pause, resume)`);
  return controlSchedule(cluster, checkScheduleId(id), action as ScheduleAction);
}

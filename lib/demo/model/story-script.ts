import type { DemoJob, DemoSchedule } from '../types';
import { startManualBackup, startRestore } from './background';
import { SCHEDULE_SPECS } from './scenario';
import type { DemoStory } from './story';
import type { World } from './world';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** What the story needs from the model: schedule an event, and the control actions it replays. */
export interface StoryHost {
  world: World;
  at(atMs: number, run: (t: number) => void): void;
  pauseJob(id: string, reason?: string): void;
  pauseScheduleNow(s: DemoSchedule): void;
  /** Schedule faults the story itself set (a reset returns to them). */
  storyFaults: Map<string, string>;
}

/** The story the demo tells at start (classic: a forgotten paused schedule, a paused backup, a restore in flight). */
export function scriptStory(host: StoryHost, story: DemoStory, at: { epochMs: number; startMs: number }, extraJobs: number, historyStart: number): void {
  const w = host.world;
  const startMs = at.epochMs;
  const failing = story.failing;
  if (failing) {
    host.at(at.startMs - failing.hoursBeforeStart * 3_600_000, () => {
      w.failingSchedules.set(failing.label, failing.error);
      host.storyFaults.set(failing.label, failing.error);
    });
  }
  for (const spec of SCHEDULE_SPECS) {
    if (spec.pausedDaysAgo === null || !story.forgottenPause) continue;
    host.at(startMs - spec.pausedDaysAgo * DAY, () => {
      for (const s of w.schedules) if (s.label === spec.label) host.pauseScheduleNow(s);
    });
  }
  let pausedJob: DemoJob | null = null;
  if (story.pausedBackup) {
    host.at(startMs - 135 * MINUTE, (t) => (pausedJob = startManualBackup(w, t, Math.min(3, w.nodes.length), 3 * 60 * MINUTE)));
    // Paused WITH REASON: from v26.1 the reason shows as the job's running_status (#158350).
    host.at(startMs - 120 * MINUTE, () => pausedJob && host.pauseJob(pausedJob.job_id, 'paused by sre_oncall during the movr migration freeze'));
  }
  if (story.restoreInFlight) host.at(startMs - 35 * MINUTE, (t) => startRestore(w, t, Math.min(2, w.nodes.length), 2 * 60 * MINUTE, false));
  for (let i = 0; i < extraJobs; i++) {
    host.at(historyStart + w.rng.next() * (startMs - historyStart - 3 * 60 * MINUTE), (t) => startManualBackup(w, t, w.rng.pick(w.nodes).node.node_id, w.rng.between(1, 20) * MINUTE));
  }
}

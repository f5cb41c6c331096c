/**
 * How `npm test` (scripts/test-all.ts) overlaps its rows on a 2-core machine.
 *
 * A CI row has two halves. Its preparation (generate, install, lint,
 * typecheck, unit tests, build) keeps both cores busy. Its exercise (the e2e
 * suites and the scripted flow) mostly waits: for access and refresh tokens to
 * expire, for servers to start. So the rows run as a two-stage pipeline: row
 * n+1 is prepared while row n is exercised. Preparations run one at a time, in
 * order (two builds at once only slow each other down), and so do exercises
 * (two suites at once would double the load under the token-lifetime tests,
 * and PostgreSQL rows share one database). A row's exercise starts once its
 * own preparation and the previous row's exercise are both over.
 *
 * Commands started during a preparation run at a lower CPU priority
 * (`preparationNiceness`, applied by scripts/run-step.ts): the e2e suites'
 * 10-second access tokens leave no room for a page load that waits for a core.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** The `nice` increment of commands run during a preparation. */
export const PREPARATION_NICENESS = 10;

const inPreparation = new AsyncLocalStorage<true>();

/**
 * The niceness for a command started now: `PREPARATION_NICENESS` inside a
 * pipeline item's `prepare` (however deep in its awaits), else 0.
 */
export function preparationNiceness(): number {
  return inPreparation.getStore() ? PREPARATION_NICENESS : 0;
}

/** One row: `prepare` hands what `exercise` needs; `exercise` gives the row's result. */
export interface PipelineItem<P, R> {
  prepare: () => Promise<P>;
  exercise: (prepared: P) => Promise<R>;
}

/**
 * Run `items` as the two-stage pipeline described above; resolves with every
 * item's result, in item order. A phase that throws does not stop the others:
 * the item's exercise is skipped (its preparation failed) and, once everything
 * has settled, the first error is thrown.
 */
export async function runPipeline<P, R>(items: PipelineItem<P, R>[]): Promise<R[]> {
  let preparing: Promise<unknown> = Promise.resolve();
  let exercising: Promise<unknown> = Promise.resolve();
  const results: Promise<R>[] = [];
  for (const item of items) {
    const prepared = preparing.then(() => inPreparation.run(true, () => item.prepare()));
    // The next preparation waits for this one to settle, whether it worked or not.
    preparing = prepared.catch(() => undefined);
    const afterPrevious = exercising;
    const result = Promise.all([prepared, afterPrevious]).then(([p]) => item.exercise(p));
    // A failed preparation rejects `result` at once; the next exercise still waits for the previous one.
    exercising = Promise.allSettled([afterPrevious, result]);
    results.push(result);
  }
  const settled = await Promise.allSettled(results);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
}

/** Seconds a row's two halves take (measured, or estimated from a summary table). */
export interface PhaseSeconds {
  prepare: number;
  exercise: number;
}

/** When each half of each row starts and ends, in seconds from the start. */
export interface PhaseTimes {
  prepareStart: number;
  prepareEnd: number;
  exerciseStart: number;
  exerciseEnd: number;
}

/**
 * The timetable `runPipeline` follows for rows of the given durations, with
 * no slowdown from sharing the machine: the same rules, as arithmetic. It
 * estimates a run from per-row times (e.g. a previous summary table) and is
 * what the pipeline's tests hold its real order of events against.
 */
export function pipelineTimes(rows: PhaseSeconds[]): PhaseTimes[] {
  const times: PhaseTimes[] = [];
  let prepared = 0;
  let exercised = 0;
  for (const row of rows) {
    const prepareStart = prepared;
    const prepareEnd = prepareStart + row.prepare;
    const exerciseStart = Math.max(prepareEnd, exercised);
    const exerciseEnd = exerciseStart + row.exercise;
    times.push({ prepareStart, prepareEnd, exerciseStart, exerciseEnd });
    prepared = prepareEnd;
    exercised = exerciseEnd;
  }
  return times;
}

/** Wall time of the whole pipeline: when the last exercise (or preparation) ends. */
export function pipelineSeconds(rows: PhaseSeconds[]): number {
  return Math.max(0, ...pipelineTimes(rows).map((t) => Math.max(t.prepareEnd, t.exerciseEnd)));
}

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  PREPARATION_NICENESS,
  pipelineSeconds,
  pipelineTimes,
  preparationNiceness,
  runPipeline,
  type PhaseSeconds,
  type PhaseTimes,
} from "./pipeline.js";

describe("pipelineTimes", () => {
  const cases: [string, PhaseSeconds[], PhaseTimes[]][] = [
    ["no rows take no time", [], []],
    ["one row is prepared, then exercised", [{ prepare: 10, exercise: 30 }], [{ prepareStart: 0, prepareEnd: 10, exerciseStart: 10, exerciseEnd: 40 }]],
    [
      "the next row is prepared while the previous one is exercised, and waits for its exercise",
      [
        { prepare: 10, exercise: 30 },
        { prepare: 10, exercise: 30 },
      ],
      [
        { prepareStart: 0, prepareEnd: 10, exerciseStart: 10, exerciseEnd: 40 },
        { prepareStart: 10, prepareEnd: 20, exerciseStart: 40, exerciseEnd: 70 },
      ],
    ],
    [
      "a long preparation delays the next exercise past the previous one's end",
      [
        { prepare: 10, exercise: 5 },
        { prepare: 20, exercise: 5 },
      ],
      [
        { prepareStart: 0, prepareEnd: 10, exerciseStart: 10, exerciseEnd: 15 },
        { prepareStart: 10, prepareEnd: 30, exerciseStart: 30, exerciseEnd: 35 },
      ],
    ],
    [
      "a row with nothing to exercise (a package-manager row) only takes its preparation",
      [
        { prepare: 10, exercise: 40 },
        { prepare: 15, exercise: 0 },
      ],
      [
        { prepareStart: 0, prepareEnd: 10, exerciseStart: 10, exerciseEnd: 50 },
        { prepareStart: 10, prepareEnd: 25, exerciseStart: 50, exerciseEnd: 50 },
      ],
    ],
  ];
  it.each(cases)("%s", (_name, rows, expected) => {
    expect(pipelineTimes(rows)).toEqual(expected);
  });

  const totals: [string, PhaseSeconds[], number][] = [
    ["the wall time of exercise-heavy rows is the first preparation plus every exercise", [{ prepare: 100, exercise: 250 }, { prepare: 110, exercise: 290 }, { prepare: 70, exercise: 40 }], 680],
    ["the wall time of preparation-heavy rows is every preparation plus the last exercise", [{ prepare: 100, exercise: 10 }, { prepare: 100, exercise: 10 }], 210],
    ["no rows take no time", [], 0],
  ];
  it.each(totals)("%s", (_name, rows, seconds) => {
    expect(pipelineSeconds(rows)).toBe(seconds);
  });
});

describe("runPipeline", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Rows whose halves take the given seconds of (fake) time, recording when each half starts and ends. */
  function timedRows(rows: PhaseSeconds[], failing: { row: number; phase: "prepare" | "exercise" }[] = []) {
    const seen: PhaseTimes[] = rows.map(() => ({ prepareStart: -1, prepareEnd: -1, exerciseStart: -1, exerciseEnd: -1 }));
    const now = () => Date.now() / 1000;
    const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const fails = (row: number, phase: "prepare" | "exercise") => failing.some((f) => f.row === row && f.phase === phase);
    const items = rows.map((row, i) => ({
      prepare: async () => {
        seen[i]!.prepareStart = now();
        await wait(row.prepare);
        seen[i]!.prepareEnd = now();
        if (fails(i, "prepare")) throw new Error(`row ${i} prepare failed`);
        return `prepared ${i}`;
      },
      exercise: async (prepared: string) => {
        seen[i]!.exerciseStart = now();
        await wait(row.exercise);
        seen[i]!.exerciseEnd = now();
        if (fails(i, "exercise")) throw new Error(`row ${i} exercise failed`);
        return `${prepared}, exercised`;
      },
    }));
    return { items, seen };
  }

  const schedules: [string, PhaseSeconds[]][] = [
    ["exercise-heavy rows overlap each preparation with the previous exercise", [{ prepare: 100, exercise: 250 }, { prepare: 110, exercise: 290 }, { prepare: 70, exercise: 40 }]],
    ["preparation-heavy rows wait for their own preparation", [{ prepare: 100, exercise: 10 }, { prepare: 120, exercise: 10 }, { prepare: 50, exercise: 0 }]],
    ["a single row runs its halves one after the other", [{ prepare: 5, exercise: 7 }]],
  ];
  it.each(schedules)("%s, at the times pipelineTimes gives", async (_name, rows) => {
    vi.setSystemTime(0);
    const { items, seen } = timedRows(rows);
    const run = runPipeline(items);
    await vi.runAllTimersAsync();
    expect(await run).toEqual(rows.map((_, i) => `prepared ${i}, exercised`));
    expect(seen).toEqual(pipelineTimes(rows));
  });

  it("a failed preparation skips that row's exercise, lets the other rows run, then throws its error", async () => {
    vi.setSystemTime(0);
    const rows = [
      { prepare: 10, exercise: 30 },
      { prepare: 10, exercise: 30 },
      { prepare: 10, exercise: 30 },
    ];
    const { items, seen } = timedRows(rows, [{ row: 1, phase: "prepare" }]);
    const run = runPipeline(items);
    const outcome = expect(run).rejects.toThrow("row 1 prepare failed");
    await vi.runAllTimersAsync();
    await outcome;
    expect(seen[1]!.exerciseStart).toBe(-1);
    // Row 2 is prepared right after row 1's failed preparation, exercised after row 0's exercise.
    expect(seen[2]).toEqual({ prepareStart: 20, prepareEnd: 30, exerciseStart: 40, exerciseEnd: 70 });
  });

  it("a failed exercise does not start the next one early, and its error is thrown once all rows are done", async () => {
    vi.setSystemTime(0);
    const rows = [
      { prepare: 10, exercise: 30 },
      { prepare: 10, exercise: 30 },
    ];
    const { items, seen } = timedRows(rows, [{ row: 0, phase: "exercise" }]);
    const run = runPipeline(items);
    const outcome = expect(run).rejects.toThrow("row 0 exercise failed");
    await vi.runAllTimersAsync();
    await outcome;
    expect(seen[1]).toEqual({ prepareStart: 10, prepareEnd: 20, exerciseStart: 40, exerciseEnd: 70 });
  });
});

describe("commands of a preparation run at a lower CPU priority", () => {
  /** What `nice` (no arguments: print the current niceness) says when run as a step. */
  async function stepNiceness(log: string): Promise<number> {
    const { runStep } = await import("./run-step.js");
    const before = readFileSync(log, "utf8");
    const step = await runStep("niceness", "nice", [], { cwd: tmpdir(), log });
    expect(step.ok).toBe(true);
    return Number(readFileSync(log, "utf8").slice(before.length).trim().split("\n").pop());
  }

  it("a step in prepare runs nice 10 deeper than one in exercise, which runs at the caller's niceness", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "pipeline-nice-")), "steps.log");
    writeFileSync(log, "");
    const own = await stepNiceness(log);
    const [seen] = await runPipeline([
      {
        prepare: async () => {
          // Deeper in the awaits of a preparation, as checkApp's steps are.
          await new Promise((resolve) => setTimeout(resolve, 1));
          return stepNiceness(log);
        },
        exercise: async (prepared) => ({ prepared, exercised: await stepNiceness(log) }),
      },
    ]);
    expect(seen).toEqual({ prepared: Math.min(own + PREPARATION_NICENESS, 19), exercised: own });
  });

  it("outside any pipeline the niceness added is 0", () => {
    expect(preparationNiceness()).toBe(0);
  });
});

/**
 * Work in idle slices (src/widget/idle.ts), as the playground reads a
 * worker's answer with it: the result is handed over once, and an error in
 * what is done with it is that error, not a failure of the work. Work begun
 * in the task of a change takes a few steps there, all its runs together,
 * and the rest in idle time.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { inIdleSlices, nowOrInIdleSlices, STEPS_NOW } from '../../src/widget/idle.js';

describe('inIdleSlices', () => {
  let idle: (() => void)[];
  const original = globalThis.requestIdleCallback;
  beforeEach(() => {
    idle = [];
    globalThis.requestIdleCallback = ((task: () => void) => idle.push(task)) as typeof requestIdleCallback;
  });
  afterEach(() => {
    globalThis.requestIdleCallback = original;
  });
  const runIdle = () => {
    while (idle.length > 0) idle.shift()!();
  };

  function* answer(): Generator<void, number, void> {
    yield;
    yield;
    return 42;
  }

  it('hands the result over once', () => {
    const seen: (number | undefined)[] = [];
    inIdleSlices(answer(), () => true, (result) => seen.push(result));
    runIdle();
    assert.deepEqual(seen, [42]);
  });

  it('hands undefined over once when the work throws', () => {
    const seen: (number | undefined)[] = [];
    function* broken(): Generator<void, number, void> {
      yield;
      throw new Error('unreadable');
    }
    inIdleSlices(broken(), () => true, (result) => seen.push(result));
    runIdle();
    assert.deepEqual(seen, [undefined]);
  });

  it('lets an error of the one it hands the result to surface, without handing it over again as a failure', () => {
    // The playground compiles the draft on the page when an answer fails: showing an answer that throws must not do that.
    const seen: (number | undefined)[] = [];
    inIdleSlices(answer(), () => true, (result) => {
      seen.push(result);
      throw new Error('showing the answer failed');
    });
    assert.throws(runIdle, /showing the answer failed/);
    assert.deepEqual(seen, [42]);
  });

  it('drops work no longer wanted', () => {
    const seen: (number | undefined)[] = [];
    let wanted = true;
    inIdleSlices(answer(), () => wanted, (result) => seen.push(result));
    wanted = false;
    runIdle();
    assert.deepEqual(seen, []);
  });

  it('takes one idle task per step when asked to, however fast the steps', () => {
    const tasks: number[] = [];
    let steps = 0;
    function* counted(): Generator<void, number, void> {
      for (let i = 0; i < 3; i++) {
        steps++;
        yield;
      }
      steps++;
      return 42;
    }
    const seen: (number | undefined)[] = [];
    inIdleSlices(counted(), () => true, (result) => seen.push(result), 1);
    while (idle.length > 0) {
      const before = steps;
      idle.shift()!();
      tasks.push(steps - before);
    }
    assert.deepEqual(tasks, [1, 1, 1, 1]);
    assert.deepEqual(seen, [42]);
  });

  /** `steps` steps, then 42; `taken` counts the steps taken. */
  function* run(steps: number, taken: { count: number }): Generator<void, number, void> {
    for (let i = 1; i < steps; i++) {
      taken.count++;
      yield;
    }
    taken.count++;
    return 42;
  }

  it('gives a run of a few steps its result now, and leaves nothing for idle time', () => {
    const taken = { count: 0 };
    const later: (number | undefined)[] = [];
    assert.deepEqual(nowOrInIdleSlices(run(3, taken), () => true, (r) => later.push(r)), { result: 42 });
    assert.equal(taken.count, 3);
    assert.equal(idle.length, 0);
    assert.deepEqual(later, []);
  });

  it('shares the task\'s steps among the runs begun in it, and goes on with each in idle time', async () => {
    const first = { count: 0 };
    const second = { count: 0 };
    const later: (number | undefined)[] = [];
    assert.equal(nowOrInIdleSlices(run(STEPS_NOW + 5, first), () => true, (r) => later.push(r)), undefined);
    assert.equal(nowOrInIdleSlices(run(2, second), () => true, (r) => later.push(r)), undefined, 'none left for a second run in the same task');
    assert.deepEqual([first.count, second.count], [STEPS_NOW, 0]);
    runIdle();
    assert.deepEqual(later, [42, 42]);
    // The next task has its own.
    await Promise.resolve();
    assert.deepEqual(nowOrInIdleSlices(run(2, { count: 0 }), () => true, () => {}), { result: 42 });
  });
});

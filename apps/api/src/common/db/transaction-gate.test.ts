import { describe, expect, it } from 'vitest';
import { TransactionGate } from './transaction-gate.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TransactionGate', () => {
  it('runs at most `limit` at once, the rest in arrival order, and frees a slot when work throws', async () => {
    const gate = new TransactionGate(2);
    const started: number[] = [];
    const finish = new Map<number, (fail: boolean) => void>();
    const runs = [0, 1, 2, 3].map((i) =>
      gate
        .run(
          () =>
            new Promise<number>((resolve, reject) => {
              started.push(i);
              finish.set(i, (fail) => (fail ? reject(new Error(`run ${i}`)) : resolve(i)));
            }),
        )
        .catch((error: Error) => error.message),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    finish.get(1)!(true);
    await tick();
    expect(started).toEqual([0, 1, 2]);
    finish.get(0)!(false);
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    finish.get(2)!(false);
    finish.get(3)!(false);
    expect(await Promise.all(runs)).toEqual([0, 'run 1', 2, 3]);
    // All slots are free again.
    await Promise.all([
      gate.run(async () => started.push(4)),
      gate.run(async () => started.push(5)),
    ]);
    expect(started.slice(4)).toEqual([4, 5]);
  });
});

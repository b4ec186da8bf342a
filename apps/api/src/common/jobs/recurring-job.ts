import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs `work` every `intervalMs` (never two at once) until the returned stop
 * function is called, the first time after `firstRunInMs`. When `work`
 * reports it did something, it runs again at once, so a backlog drains
 * without waiting for the next tick.
 */
export function startRecurringJob(
  name: string,
  intervalMs: number,
  work: () => Promise<number | void>,
  log: FastifyBaseLogger,
  firstRunInMs = 0,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    if (stopped || running) return;
    running = (async () => {
      try {
        while (!stopped && ((await work()) ?? 0) > 0);
      } catch (error) {
        log.error({ err: error, job: name }, 'background job failed');
      }
    })().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  timer = setTimeout(tick, firstRunInMs).unref();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

import type { Context, MiddlewareFn } from "grammy";

/**
 * Counts updates being handled, so shutdown can wait for them. The runner's stop() only stops
 * fetching; without this, a conversation could be cut off between its reply and saving its state.
 */
export function trackInFlight<C extends Context>() {
  const running = new Set<Promise<void>>();
  const middleware: MiddlewareFn<C> = async (_ctx, next) => {
    const handling = next();
    running.add(handling);
    try {
      await handling;
    } finally {
      running.delete(handling);
    }
  };
  return {
    middleware,
    /** Resolves once every update in progress has finished, or after the timeout. */
    async drain(timeoutMs: number): Promise<void> {
      const deadline = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.allSettled([...running]), deadline]);
    },
  };
}

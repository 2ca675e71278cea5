import type { MiddlewareFn } from "grammy";
import type { ProcessedUpdatesRepo } from "../../db/processed-updates.ts";
import type { BotContext } from "../context.ts";

/** Telegram re-sends a webhook update it thinks failed; the second copy must not act twice. */
export function skipDuplicates(repo: ProcessedUpdatesRepo): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!(await repo.claim(ctx.update.update_id))) {
      ctx.logger.info("duplicate update skipped");
      return;
    }
    await next();
  };
}

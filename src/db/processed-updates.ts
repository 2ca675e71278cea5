import { lt } from "drizzle-orm";
import type { Db } from "./client.ts";
import { processedUpdates } from "./schema.ts";

export function createProcessedUpdatesRepo(db: Db) {
  return {
    /** True the first time an update id is seen; false for a webhook retry or a replayed batch. */
    async claim(updateId: number): Promise<boolean> {
      const rows = await db
        .insert(processedUpdates)
        .values({ updateId })
        .onConflictDoNothing()
        .returning({ updateId: processedUpdates.updateId });
      return rows.length > 0;
    },

    /** Telegram keeps undelivered updates for 24 hours; ids older than that can never come back. */
    async forgetBefore(cutoff: Date): Promise<number> {
      const rows = await db
        .delete(processedUpdates)
        .where(lt(processedUpdates.processedAt, cutoff))
        .returning({ updateId: processedUpdates.updateId });
      return rows.length;
    },
  };
}

export type ProcessedUpdatesRepo = ReturnType<typeof createProcessedUpdatesRepo>;

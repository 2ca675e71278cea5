import type { PgBoss } from "pg-boss";
import type { ProcessedUpdatesRepo } from "../db/processed-updates.ts";
import type { Logger } from "../logger.ts";

export const FORGET_UPDATES_QUEUE = "maintenance.forget-updates";
const UPDATE_MEMORY_MS = 48 * 60 * 60 * 1000;

/** Once a day, drops update ids older than Telegram could ever re-send (24 h, with margin). */
export async function registerMaintenance(boss: PgBoss, repo: ProcessedUpdatesRepo, logger: Logger, now: () => Date) {
  await boss.createQueue(FORGET_UPDATES_QUEUE);
  await boss.schedule(FORGET_UPDATES_QUEUE, "17 3 * * *");
  await boss.work(FORGET_UPDATES_QUEUE, async () => {
    const forgotten = await repo.forgetBefore(new Date(now().getTime() - UPDATE_MEMORY_MS));
    logger.info({ forgotten }, "old update ids forgotten");
  });
}

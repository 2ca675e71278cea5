import { eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import { conversationState } from "./schema.ts";

/**
 * Key-value storage in the shape @grammyjs/conversations expects, so a conversation that
 * waits for the user's next message survives a restart or moves to another instance.
 */
export function createConversationStateStore<State>(db: Db) {
  return {
    async read(key: string): Promise<State | undefined> {
      const [row] = await db.select({ value: conversationState.value }).from(conversationState).where(eq(conversationState.key, key));
      return row?.value as State | undefined;
    },
    async write(key: string, value: State): Promise<void> {
      await db
        .insert(conversationState)
        .values({ key, value })
        .onConflictDoUpdate({ target: conversationState.key, set: { value, updatedAt: new Date() } });
    },
    async delete(key: string): Promise<void> {
      await db.delete(conversationState).where(eq(conversationState.key, key));
    },
  };
}

import { eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import { users } from "./schema.ts";

export type UserRow = typeof users.$inferSelect;
export type UserSettings = Partial<Pick<UserRow, "uiLanguage" | "interviewLanguage" | "stack" | "level" | "timezone">>;

export interface TelegramPerson {
  id: number;
  first_name: string;
  username?: string | undefined;
}

export function createUsersRepo(db: Db, defaultTimezone: string) {
  return {
    async get(id: number): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    /** The user behind an update, created on first contact; writes only when the name changed. */
    async ensure(person: TelegramPerson): Promise<UserRow> {
      const existing = await this.get(person.id);
      const username = person.username ?? null;
      if (!existing) {
        const [created] = await db
          .insert(users)
          .values({ id: person.id, firstName: person.first_name, username, timezone: defaultTimezone })
          .onConflictDoUpdate({ target: users.id, set: { firstName: person.first_name, username } })
          .returning();
        return created!;
      }
      if (existing.firstName === person.first_name && existing.username === username) return existing;
      const [renamed] = await db
        .update(users)
        .set({ firstName: person.first_name, username, updatedAt: new Date() })
        .where(eq(users.id, person.id))
        .returning();
      return renamed!;
    },

    async update(id: number, settings: UserSettings): Promise<UserRow> {
      const [row] = await db
        .update(users)
        .set({ ...settings, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      if (!row) throw new Error(`user ${id} not found`);
      return row;
    },
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;

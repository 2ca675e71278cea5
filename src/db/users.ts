import { eq } from "drizzle-orm";
import { asLanguage, type Language } from "../domain/vocabulary.ts";
import { languageFromTelegram } from "../i18n.ts";
import type { Db } from "./client.ts";
import { users } from "./schema.ts";

export type UserRow = typeof users.$inferSelect;
export type UserSettings = Partial<Pick<UserRow, "uiLanguage" | "interviewLanguage" | "stack" | "level" | "timezone">>;

export interface TelegramPerson {
  id: number;
  first_name: string;
  username?: string | undefined;
  language_code?: string | undefined;
}

/**
 * The language the bot speaks to a user: their choice, else what their Telegram reports.
 * Every place that talks to a user, in a handler or in a job, asks this one function.
 */
export function interfaceLanguageOf(user: Pick<UserRow, "uiLanguage" | "telegramLanguage">): Language {
  return asLanguage(user.uiLanguage, asLanguage(user.telegramLanguage));
}

/** The language questions are asked and answers graded in: chosen apart, or the interface's. */
export function interviewLanguageOf(user: Pick<UserRow, "interviewLanguage" | "uiLanguage" | "telegramLanguage">): Language {
  return asLanguage(user.interviewLanguage, interfaceLanguageOf(user));
}

export function createUsersRepo(db: Db, defaultTimezone: string) {
  return {
    async get(id: number): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    /** The user behind an update, created on first contact; writes only when Telegram's view changed. */
    async ensure(person: TelegramPerson): Promise<UserRow> {
      const existing = await this.get(person.id);
      const seen = {
        firstName: person.first_name,
        username: person.username ?? null,
        telegramLanguage: languageFromTelegram(person.language_code),
      };
      if (!existing) {
        const [created] = await db
          .insert(users)
          .values({ id: person.id, ...seen, timezone: defaultTimezone })
          .onConflictDoUpdate({ target: users.id, set: seen })
          .returning();
        return created!;
      }
      const unchanged =
        existing.firstName === seen.firstName && existing.username === seen.username && existing.telegramLanguage === seen.telegramLanguage;
      if (unchanged) return existing;
      const [updated] = await db
        .update(users)
        .set({ ...seen, updatedAt: new Date() })
        .where(eq(users.id, person.id))
        .returning();
      return updated!;
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

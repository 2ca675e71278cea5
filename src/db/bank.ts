import { and, eq, inArray, sql } from "drizzle-orm";
import type { BankQuestion } from "../bank/schema.ts";
import type { QuestionMeta } from "../domain/question-selection.ts";
import type { Stack } from "../domain/vocabulary.ts";
import { questionVersion } from "../bank/version.ts";
import type { Db } from "./client.ts";
import { bankQuestions } from "./schema.ts";

/** A question as stored: one version of it, with its content in every language. */
export interface StoredQuestion extends QuestionMeta {
  version: string;
  targetSeconds: number;
  keyPoints: BankQuestion["keyPoints"];
  content: BankQuestion["i18n"];
}

type Row = typeof bankQuestions.$inferSelect;

function toStored(row: Row): StoredQuestion {
  return {
    id: row.id,
    version: row.version,
    stage: row.stage as StoredQuestion["stage"],
    area: row.area as StoredQuestion["area"],
    topics: row.topics,
    stacks: row.stacks.length === 0 ? "all" : (row.stacks as Stack[]),
    levels: row.levels as StoredQuestion["levels"],
    targetSeconds: row.targetSeconds,
    keyPoints: row.keyPoints as BankQuestion["keyPoints"],
    content: row.content as BankQuestion["i18n"],
  };
}

export interface BankSyncResult {
  inserted: number;
  retired: number;
  unchanged: number;
}

export function createBankRepo(db: Db) {
  // The bank only changes when sync() runs at start-up: read it once, not on every /interview.
  let currentCache: Promise<StoredQuestion[]> | undefined;
  return {
    /**
     * Makes the table match the data files: new or edited questions become new current rows;
     * old versions stay (grades point at them) but stop being current.
     */
    async sync(questions: BankQuestion[]): Promise<BankSyncResult> {
      const existing = await db
        .select({ id: bankQuestions.id, version: bankQuestions.version, isCurrent: bankQuestions.isCurrent })
        .from(bankQuestions);
      const key = (row: { id: string; version: string }) => `${row.id}@${row.version}`;
      const known = new Set(existing.map(key));
      const versioned = questions.map((question) => ({ question, version: questionVersion(question) }));
      const fresh = versioned.filter(({ question, version }) => !known.has(key({ id: question.id, version })));
      const currentKeys = new Set(versioned.map(({ question, version }) => key({ id: question.id, version })));
      const staleCurrent = existing.filter((row) => row.isCurrent && !currentKeys.has(key(row)));
      const revived = existing.filter((row) => !row.isCurrent && currentKeys.has(key(row)));

      await db.transaction(async (tx) => {
        const markCurrent = async (rows: Array<{ id: string; version: string }>, isCurrent: boolean) => {
          if (rows.length === 0) return;
          await tx
            .update(bankQuestions)
            .set({ isCurrent })
            .where(inArray(sql`${bankQuestions.id} || '@' || ${bankQuestions.version}`, rows.map(key)));
        };
        await markCurrent(staleCurrent, false);
        await markCurrent(revived, true);
        for (let start = 0; start < fresh.length; start += 100) {
          await tx.insert(bankQuestions).values(
            fresh.slice(start, start + 100).map(({ question, version }) => ({
              id: question.id,
              version,
              isCurrent: true,
              stage: question.stage,
              area: question.area,
              topics: question.topics,
              stacks: question.stacks === "all" ? [] : question.stacks,
              levels: question.levels,
              targetSeconds: question.targetSeconds,
              keyPoints: question.keyPoints,
              content: question.i18n,
            })),
          );
        }
      });
      currentCache = undefined;
      return { inserted: fresh.length, retired: staleCurrent.length, unchanged: questions.length - fresh.length };
    },

    /** Every current question, for planning (a few hundred rows, read once per process). */
    current(): Promise<StoredQuestion[]> {
      currentCache ??= db
        .select()
        .from(bankQuestions)
        .where(eq(bankQuestions.isCurrent, true))
        .then((rows) => rows.map(toStored));
      // A failed read must not stick: the next call tries again.
      currentCache.catch(() => (currentCache = undefined));
      return currentCache;
    },

    /** The exact version an answer was given to, even if the bank has moved on since. */
    async version(id: string, version: string): Promise<StoredQuestion | undefined> {
      const [row] = await db
        .select()
        .from(bankQuestions)
        .where(and(eq(bankQuestions.id, id), eq(bankQuestions.version, version)));
      return row ? toStored(row) : undefined;
    },

    /** Current questions that fit a stack (stack-specific or for every stack) and a level; undefined = any. */
    async countFor(stack: string | undefined, level: string | undefined): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(bankQuestions)
        .where(
          and(
            eq(bankQuestions.isCurrent, true),
            stack === undefined ? undefined : sql`(cardinality(${bankQuestions.stacks}) = 0 or ${stack} = any(${bankQuestions.stacks}))`,
            level === undefined ? undefined : sql`${level} = any(${bankQuestions.levels})`,
          ),
        );
      return row?.count ?? 0;
    },
  };
}

export type BankRepo = ReturnType<typeof createBankRepo>;

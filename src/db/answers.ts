import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { AnswerScore, GraderOutput } from "../domain/grading.ts";
import type { SpeechMetrics } from "../domain/speech-metrics.ts";
import type { Db } from "./client.ts";
import { answers, grades } from "./schema.ts";

export type AnswerRow = typeof answers.$inferSelect;
export type NewAnswer = typeof answers.$inferInsert;
export type GradeRow = typeof grades.$inferSelect;

export interface NewGrade {
  answerId: number;
  output: GraderOutput;
  score: AnswerScore;
  speech: SpeechMetrics | null;
  model: string;
  promptTokens: number | null;
  completionTokens: number | null;
  cachedTokens: number | null;
  latencyMs: number | null;
}

export function createAnswersRepo(db: Db, now: () => Date) {
  return {
    /** Stored before anything that can fail: whatever happens next, the answer is kept. */
    async insert(values: NewAnswer): Promise<AnswerRow> {
      const [row] = await db.insert(answers).values(values).returning();
      return row!;
    },

    async get(id: number): Promise<AnswerRow | undefined> {
      const [row] = await db.select().from(answers).where(eq(answers.id, id));
      return row;
    },

    async update(id: number, change: Partial<Omit<AnswerRow, "id">>): Promise<AnswerRow> {
      const [row] = await db
        .update(answers)
        .set({ ...change, updatedAt: now() })
        .where(eq(answers.id, id))
        .returning();
      return row!;
    },

    async bumpAttempts(id: number): Promise<void> {
      await db
        .update(answers)
        .set({ attempts: sql`${answers.attempts} + 1`, updatedAt: now() })
        .where(eq(answers.id, id));
    },

    async forSession(sessionId: number): Promise<AnswerRow[]> {
      return db.select().from(answers).where(eq(answers.sessionId, sessionId)).orderBy(asc(answers.id));
    },

    /** When each question was last asked to the user, for picking fresh ones. */
    async lastAsked(userId: number, since: Date): Promise<Map<string, number>> {
      const rows = await db
        .select({ questionId: answers.questionId, at: sql<string>`max(${answers.createdAt})` })
        .from(answers)
        .where(and(eq(answers.userId, userId), gte(answers.createdAt, since)))
        .groupBy(answers.questionId);
      return new Map(rows.map((row) => [row.questionId, new Date(row.at).getTime()]));
    },

    async saveGrade(grade: NewGrade): Promise<GradeRow> {
      const [row] = await db
        .insert(grades)
        .values({
          answerId: grade.answerId,
          communication: grade.score.dimensions.communication,
          technicalDepth: grade.score.dimensions.technicalDepth,
          problemSolving: grade.score.dimensions.problemSolving,
          culturalFit: grade.score.dimensions.culturalFit,
          overall: grade.score.overall,
          checklist: grade.output,
          score: grade.score,
          speech: grade.speech,
          model: grade.model,
          promptTokens: grade.promptTokens,
          completionTokens: grade.completionTokens,
          cachedTokens: grade.cachedTokens,
          latencyMs: grade.latencyMs,
        })
        .returning();
      return row!;
    },

    /** The newest grade of each answer (a corrected transcript is graded again). */
    async latestGrades(answerIds: number[]): Promise<Map<number, GradeRow>> {
      if (answerIds.length === 0) return new Map();
      const rows = await db.select().from(grades).where(inArray(grades.answerId, answerIds)).orderBy(desc(grades.id));
      const latest = new Map<number, GradeRow>();
      for (const row of rows) if (!latest.has(row.answerId)) latest.set(row.answerId, row);
      return latest;
    },
  };
}

export type AnswersRepo = ReturnType<typeof createAnswersRepo>;

import { and, desc, eq, inArray } from "drizzle-orm";
import type { Stage } from "../domain/vocabulary.ts";
import type { Db } from "./client.ts";
import { interviewSessions } from "./schema.ts";

export type SessionRow = typeof interviewSessions.$inferSelect;
export type SessionPhase = "awaiting_answer" | "processing" | "awaiting_follow_up" | "processing_follow_up";
export type SessionStatus = "active" | "paused" | "finished" | "cancelled";

export interface PlannedQuestion {
  questionId: string;
  questionVersion: string;
  stage: Stage;
}

export type Session = Omit<SessionRow, "plan" | "phase" | "status" | "kind"> & {
  plan: PlannedQuestion[];
  phase: SessionPhase;
  status: SessionStatus;
  kind: "interview" | "practice";
};

export type SessionChange = Partial<Pick<SessionRow, "currentIndex" | "followUpText" | "scorecard" | "finishedAt">> & {
  phase?: SessionPhase;
  status?: SessionStatus;
};

export function createInterviewsRepo(db: Db, now: () => Date) {
  return {
    async create(values: {
      userId: number;
      chatId: number;
      kind: Session["kind"];
      language: string;
      stack: string;
      level: string;
      plan: PlannedQuestion[];
    }): Promise<Session> {
      const [row] = await db.insert(interviewSessions).values(values).returning();
      return row as Session;
    },

    async get(id: number): Promise<Session | undefined> {
      const [row] = await db.select().from(interviewSessions).where(eq(interviewSessions.id, id));
      return row as Session | undefined;
    },

    /** The user's interview or practice that is running or paused, newest first. */
    async unfinished(userId: number, kind?: Session["kind"]): Promise<Session | undefined> {
      const [row] = await db
        .select()
        .from(interviewSessions)
        .where(
          and(
            eq(interviewSessions.userId, userId),
            inArray(interviewSessions.status, ["active", "paused"]),
            kind ? eq(interviewSessions.kind, kind) : undefined,
          ),
        )
        .orderBy(desc(interviewSessions.id))
        .limit(1);
      return row as Session | undefined;
    },

    /**
     * Applies a change only if nobody changed the session since it was read (optimistic lock);
     * returns the new row, or undefined when another transition won the race.
     */
    async transition(session: Session, change: SessionChange): Promise<Session | undefined> {
      const [row] = await db
        .update(interviewSessions)
        .set({ ...change, version: session.version + 1, updatedAt: now() })
        .where(and(eq(interviewSessions.id, session.id), eq(interviewSessions.version, session.version)))
        .returning();
      return row as Session | undefined;
    },
  };
}

export type InterviewsRepo = ReturnType<typeof createInterviewsRepo>;

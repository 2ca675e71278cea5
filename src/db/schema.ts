// The database schema: one module so drizzle-kit sees every table. `npm run db:generate`
// writes the SQL into migrations/, which apply automatically at start-up.
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

// Telegram ids exceed 32 bits but stay below 2^53, so "number" mode is exact on both drivers.
const telegramId = (name: string) => bigint(name, { mode: "number" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: telegramId("id").primaryKey(),
  firstName: text("first_name").notNull().default(""),
  username: text("username"),
  /** Language of the interface; null until the user picks one, then Telegram's hint is ignored. */
  uiLanguage: text("ui_language"),
  /** Our language for the user's Telegram language_code, as last seen: the hint until they choose. */
  telegramLanguage: text("telegram_language").notNull().default("en"),
  interviewLanguage: text("interview_language"),
  stack: text("stack"),
  level: text("level"),
  timezone: text("timezone").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const bankQuestions = pgTable(
  "bank_questions",
  {
    id: text("id").notNull(),
    /** Content hash: a changed question gets a new row, so old grades keep the text they were graded on. */
    version: text("version").notNull(),
    isCurrent: boolean("is_current").notNull().default(true),
    stage: text("stage").notNull(),
    area: text("area").notNull(),
    topics: text("topics").array().notNull(),
    /** Empty means the question fits every stack. */
    stacks: text("stacks").array().notNull(),
    levels: text("levels").array().notNull(),
    targetSeconds: integer("target_seconds").notNull(),
    keyPoints: jsonb("key_points").notNull(),
    content: jsonb("content").notNull(),
    loadedAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.id, table.version] }), index("bank_questions_current_idx").on(table.isCurrent, table.stage)],
);

export const interviewSessions = pgTable(
  "interview_sessions",
  {
    id: serial("id").primaryKey(),
    userId: telegramId("user_id").notNull().references(() => users.id),
    chatId: telegramId("chat_id").notNull(),
    kind: text("kind").notNull(), // interview | practice
    status: text("status").notNull().default("active"), // active | paused | finished | cancelled
    language: text("language").notNull(),
    stack: text("stack").notNull(),
    level: text("level").notNull(),
    /** [{ questionId, questionVersion, stage }] fixed at the start, so edits to the bank do not move it. */
    plan: jsonb("plan").notNull(),
    currentIndex: integer("current_index").notNull().default(0),
    // awaiting_answer | processing | awaiting_follow_up | processing_follow_up
    phase: text("phase").notNull().default("awaiting_answer"),
    followUpText: text("follow_up_text"),
    /** Bumped on every transition: a handler and a job racing on one interview cannot both win. */
    version: integer("version").notNull().default(0),
    scorecard: jsonb("scorecard"),
    startedAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("interview_sessions_user_idx").on(table.userId, table.status)],
);

export const answers = pgTable(
  "answers",
  {
    id: serial("id").primaryKey(),
    sessionId: integer("session_id").references(() => interviewSessions.id),
    planIndex: integer("plan_index").notNull().default(0),
    userId: telegramId("user_id").notNull().references(() => users.id),
    chatId: telegramId("chat_id").notNull(),
    questionId: text("question_id").notNull(),
    questionVersion: text("question_version").notNull(),
    /** main answer, or the answer to the interviewer's follow-up ("recovery"). */
    kind: text("kind").notNull().default("main"),
    followUpText: text("follow_up_text"),
    language: text("language").notNull(),
    // received → transcribed → graded | failed; skipped when the candidate passed
    status: text("status").notNull().default("received"),
    source: text("source").notNull(), // voice | audio | video_note | text | none
    telegramFileId: text("telegram_file_id"),
    telegramFileUniqueId: text("telegram_file_unique_id"),
    mimeType: text("mime_type"),
    durationSeconds: integer("duration_seconds"),
    /** The time the candidate was given: the question's own, or the interview's time box. */
    targetSeconds: integer("target_seconds"),
    transcript: text("transcript"),
    transcriptEdited: boolean("transcript_edited").notNull().default(false),
    statusMessageId: bigint("status_message_id", { mode: "number" }),
    lastError: text("last_error"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("answers_session_idx").on(table.sessionId, table.planIndex),
    index("answers_status_idx").on(table.status),
    index("answers_user_created_idx").on(table.userId, table.createdAt),
  ],
);

export const grades = pgTable(
  "grades",
  {
    id: serial("id").primaryKey(),
    answerId: integer("answer_id").notNull().references(() => answers.id),
    communication: real("communication"),
    technicalDepth: real("technical_depth"),
    problemSolving: real("problem_solving"),
    culturalFit: real("cultural_fit"),
    overall: real("overall").notNull(),
    /** What the model returned, verbatim. */
    checklist: jsonb("checklist").notNull(),
    /** What our code made of it: credited key points, caps, pitfalls (AnswerScore). */
    score: jsonb("score").notNull(),
    speech: jsonb("speech"),
    /** The model's name, or "self" for a self-assessment when no model is configured. */
    model: text("model").notNull(),
    promptTokens: integer("prompt_tokens"),
    completionTokens: integer("completion_tokens"),
    cachedTokens: integer("cached_tokens"),
    latencyMs: integer("latency_ms"),
    createdAt: createdAt(),
  },
  (table) => [index("grades_answer_idx").on(table.answerId)],
);

// PGlite and node-postgres both map bytea to bytes; drizzle has no built-in column for it.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** A voice note's bytes, kept from download until its transcript is stored: downloaded once. */
export const answerAudio = pgTable("answer_audio", {
  answerId: integer("answer_id").primaryKey().references(() => answers.id),
  bytes: bytea("bytes").notNull(),
  filePath: text("file_path").notNull(),
  createdAt: createdAt(),
});

export const subscriptions = pgTable("subscriptions", {
  userId: telegramId("user_id").primaryKey().references(() => users.id),
  /** Local wall-clock time "HH:MM" in the subscriber's time zone. */
  localTime: text("local_time").notNull(),
  timezone: text("timezone").notNull(),
  active: boolean("active").notNull().default(true),
  lastSentOn: text("last_sent_on"),
  createdAt: createdAt(),
});

export const groups = pgTable("groups", {
  chatId: telegramId("chat_id").primaryKey(),
  title: text("title").notNull().default(""),
  language: text("language"),
  createdAt: createdAt(),
});

export const groupMembers = pgTable(
  "group_members",
  {
    chatId: telegramId("chat_id").notNull().references(() => groups.chatId),
    userId: telegramId("user_id").notNull().references(() => users.id),
    joinedAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.chatId, table.userId] })],
);

/** Update ids already handled: webhook retries and restarts must not run an update twice. */
export const processedUpdates = pgTable("processed_updates", {
  updateId: bigint("update_id", { mode: "number" }).primaryKey(),
  processedAt: createdAt(),
});

/** Storage for @grammyjs/conversations, so a half-finished flow survives a restart. */
export const conversationState = pgTable("conversation_state", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});


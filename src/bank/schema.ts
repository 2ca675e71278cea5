import { z } from "zod";
import { AREAS, LEVELS, STACKS, STAGES } from "../domain/vocabulary.ts";

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case id");

const localizedQuestionSchema = z.object({
  question: z.string().min(15),
  /** What the question really tests: shown to the grader and, after grading, to the candidate. */
  tests: z.string().min(20),
  /** Key point id → its wording in this language; ids must match the question's keyPoints. */
  keyPoints: z.record(kebabId, z.string().min(8)),
  pitfalls: z.array(z.string().min(8)).min(2).max(5),
  followUps: z.array(z.string().min(10)).min(2).max(3),
  modelAnswer: z.string().min(80),
});

export const bankQuestionSchema = z
  .object({
    id: kebabId,
    stage: z.enum(STAGES),
    area: z.enum(AREAS),
    topics: z.array(kebabId).min(1),
    stacks: z.union([z.literal("all"), z.array(z.enum(STACKS)).min(1)]),
    levels: z.array(z.enum(LEVELS)).min(1),
    targetSeconds: z.number().int().min(30).max(1200),
    keyPoints: z
      .array(z.object({ id: kebabId, weight: z.number().int().min(1).max(3) }))
      .min(3)
      .max(6),
    i18n: z.object({ en: localizedQuestionSchema, ru: localizedQuestionSchema, uz: localizedQuestionSchema }),
  })
  .superRefine((question, ctx) => {
    const ids = question.keyPoints.map((point) => point.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: "custom", message: `${question.id}: duplicate key point ids` });
    }
    for (const [language, content] of Object.entries(question.i18n)) {
      const localizedIds = Object.keys(content.keyPoints).sort();
      if (localizedIds.join() !== [...ids].sort().join()) {
        ctx.addIssue({
          code: "custom",
          path: ["i18n", language, "keyPoints"],
          message: `${question.id}/${language}: key point ids ${localizedIds.join()} differ from ${ids.join()}`,
        });
      }
    }
  });

export const bankFileSchema = z.array(bankQuestionSchema);

export type BankQuestion = z.infer<typeof bankQuestionSchema>;
export type LocalizedQuestion = z.infer<typeof localizedQuestionSchema>;

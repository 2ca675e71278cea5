import type { OpenAI } from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { graderOutputSchema, type GraderOutput } from "../domain/grading.ts";
import { buildGradingMessages, type GradingPromptInput } from "./grading-prompt.ts";

export interface GradingResult {
  output: GraderOutput;
  model: string;
  promptTokens: number | null;
  completionTokens: number | null;
  cachedTokens: number | null;
  latencyMs: number;
}

export interface Grader {
  model: string;
  grade(input: GradingPromptInput): Promise<GradingResult>;
}

export class GradingError extends Error {}

export function createGrader(client: OpenAI, model: string): Grader {
  return {
    model,
    async grade(input) {
      const startedAt = performance.now();
      const completion = await client.chat.completions.parse({
        model,
        temperature: 0,
        messages: buildGradingMessages(input),
        response_format: zodResponseFormat(graderOutputSchema, "answer_grade"),
      });
      const message = completion.choices[0]?.message;
      if (!message?.parsed) throw new GradingError(message?.refusal ? `model refused: ${message.refusal}` : "model returned no grade");
      return {
        output: message.parsed,
        model: completion.model || model,
        promptTokens: completion.usage?.prompt_tokens ?? null,
        completionTokens: completion.usage?.completion_tokens ?? null,
        cachedTokens: completion.usage?.prompt_tokens_details?.cached_tokens ?? null,
        latencyMs: Math.round(performance.now() - startedAt),
      };
    },
  };
}

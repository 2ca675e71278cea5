import type { Conversation } from "@grammyjs/conversations";
import type { Context } from "grammy";
import { interfaceLanguageOf } from "../../db/users.ts";
import type { BotContext } from "../context.ts";
import type { Services } from "../services.ts";

export const CORRECT_TRANSCRIPT = "correct-transcript";

/** "✏️ Correct transcript": waits for the candidate's own wording, then grades it again. */
export function createCorrectTranscript(services: Services) {
  return async function correctTranscript(conversation: Conversation<BotContext, Context>, ctx: Context, answerId: number): Promise<void> {
    const userId = ctx.from!.id;
    const state = await conversation.external(async () => {
      const [answer, user] = await Promise.all([services.answers.get(answerId), services.users.get(userId)]);
      return { mine: answer?.userId === userId && answer.source !== "text", language: user ? interfaceLanguageOf(user) : "en" };
    });
    const t = services.i18n.t(state.language);
    if (!state.mine) {
      await ctx.reply(t("correction.not_yours"));
      return;
    }
    await ctx.reply(t("correction.prompt"));
    const reply = await conversation.waitUntil(
      (update) => typeof update.message?.text === "string" && !update.message.text.startsWith("/"),
      { otherwise: (other) => other.reply(t("correction.prompt")) },
    );
    const text = reply.message!.text!.trim();
    await conversation.external(() => services.director.correctTranscript(answerId, text));
  };
}

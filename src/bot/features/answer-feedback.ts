import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { CORRECT_TRANSCRIPT } from "../conversations/correct-transcript.ts";
import { modelAnswerMessage } from "../interview/render.ts";
import { parseSelfAssessment, SELF_ASSESSMENT_DATA, selfAssessmentKeyboard, tickedPoints } from "../interview/self-assessment.ts";
import { asLanguage } from "../../domain/vocabulary.ts";

/** The buttons under feedback: correct the transcript, show the model answer, self-assessment ticks. */
export const answerFeedbackFeature = new Composer<BotContext>();
const privateChats = answerFeedbackFeature.chatType("private");

async function ownAnswer(ctx: BotContext, answerId: number) {
  const answer = await ctx.services.answers.get(answerId);
  if (answer && answer.userId === ctx.from!.id) return answer;
  await ctx.answerCallbackQuery({ text: ctx.t("feedback.not_your_answer") });
  return undefined;
}

privateChats.callbackQuery(/^fix:(\d+)$/, async (ctx) => {
  const answer = await ownAnswer(ctx, Number(ctx.match[1]));
  if (!answer) return;
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(CORRECT_TRANSCRIPT, answer.id);
});

privateChats.callbackQuery(/^model:(\d+)$/, async (ctx) => {
  const answer = await ownAnswer(ctx, Number(ctx.match[1]));
  if (!answer) return;
  await ctx.answerCallbackQuery();
  const question = await ctx.services.bank.version(answer.questionId, answer.questionVersion);
  if (!question) return;
  await ctx.reply(modelAnswerMessage(ctx.t, question, asLanguage(answer.language, ctx.lang)), { parse_mode: "HTML" });
});

privateChats.callbackQuery(SELF_ASSESSMENT_DATA, async (ctx) => {
  const action = parseSelfAssessment(ctx.match as RegExpMatchArray);
  const answer = await ownAnswer(ctx, action.answerId);
  if (!answer) return;
  const question = await ctx.services.bank.version(answer.questionId, answer.questionVersion);
  if (!question) return ctx.answerCallbackQuery();
  await ctx.answerCallbackQuery();
  if ("done" in action) return ctx.services.director.completeSelfAssessment(answer.id, tickedPoints(question, action.mask));
  const mask = action.mask ^ (1 << action.toggle);
  await ctx.editMessageReplyMarkup({ reply_markup: selfAssessmentKeyboard(ctx.t, question, answer.id, mask) });
});

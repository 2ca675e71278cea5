import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.ts";
import { answerInputFrom } from "../interview/answer-input.ts";

/** /interview, /skip, /pause and the resume / start-new choice. Answers are taken in answerIntake. */
export const interviewFeature = new Composer<BotContext>();
const privateChats = interviewFeature.chatType("private");

privateChats.command("interview", async (ctx) => {
  const { interviews, director } = ctx.services;
  // An interview takes over the chat: an onboarding or correction left open would eat its answers.
  await ctx.conversation.exitAll();
  const unfinished = await interviews.unfinished(ctx.user!.id, "interview");
  if (!unfinished) return director.startInterview(ctx.user!, ctx.chat.id);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("interview.button_resume"), `iv-resume:${unfinished.id}`)
    .text(ctx.t("interview.button_new"), `iv-new:${unfinished.id}`);
  await ctx.reply(ctx.t("interview.unfinished", { n: unfinished.currentIndex + 1, total: unfinished.plan.length }), { reply_markup: keyboard });
});

privateChats.callbackQuery(/^iv-(resume|new):(\d+)$/, async (ctx) => {
  const { interviews, director } = ctx.services;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  const session = await interviews.get(Number(ctx.match[2]));
  const stillOpen = session && session.userId === ctx.user!.id && (session.status === "active" || session.status === "paused");
  if (ctx.match[1] === "resume" && stillOpen) return director.resume(session);
  if (stillOpen) await director.cancel(session);
  await director.startInterview(ctx.user!, ctx.chat.id);
});

privateChats.command("skip", async (ctx) => {
  const session = await ctx.services.interviews.unfinished(ctx.user!.id);
  if (!session || session.status !== "active") return ctx.reply(ctx.t("interview.nothing_to_skip"));
  await ctx.services.director.skip(session, ctx.user!);
});

privateChats.command("pause", async (ctx) => {
  const session = await ctx.services.interviews.unfinished(ctx.user!.id, "interview");
  if (!session || session.status !== "active") return ctx.reply(ctx.t("cancel.nothing"));
  await ctx.services.director.pause(session, ctx.user!);
});

/**
 * A voice note, audio, video note or text while a session waits for an answer. Registered
 * after the conversations, so a transcript correction in progress gets its text first.
 */
export const answerIntake = new Composer<BotContext>();
answerIntake.chatType("private").on(["message:voice", "message:audio", "message:video_note", "message:text"], async (ctx, next) => {
  const input = answerInputFrom(ctx.message);
  if (!input) return next();
  const session = await ctx.services.interviews.unfinished(ctx.user!.id);
  if (!session || session.status !== "active") return next();
  await ctx.services.director.acceptAnswer(session, input, ctx.user!);
});

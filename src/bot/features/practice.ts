import { Composer, InlineKeyboard } from "grammy";
import { AREAS, STAGES, type Stage } from "../../domain/vocabulary.ts";
import { fitsProfile } from "../../domain/question-selection.ts";
import type { BotContext } from "../context.ts";

/** /practice: one question at a time, by stage and topic, or `/practice <topic>`. */
export const practiceFeature = new Composer<BotContext>();
const privateChats = practiceFeature.chatType("private");

async function interviewRunning(ctx: BotContext): Promise<boolean> {
  const running = await ctx.services.interviews.unfinished(ctx.user!.id, "interview");
  if (running?.status !== "active") return false;
  await ctx.reply(ctx.t("practice.interview_running"));
  return true;
}

async function practise(ctx: BotContext, wanted: { stage?: Stage; topics?: string[]; exclude?: string[] }, topicLabel?: string) {
  const started = await ctx.services.director.startPractice(ctx.user!, ctx.chat!.id, wanted);
  if (!started && ctx.user?.stack && ctx.user.level) await ctx.reply(ctx.t("practice.nothing_found", { topic: topicLabel ?? "" }));
}

privateChats.command("practice", async (ctx) => {
  if (await interviewRunning(ctx)) return;
  await ctx.conversation.exitAll();
  const topic = ctx.match.trim().toLowerCase();
  if (topic) return practise(ctx, { topics: [topic] }, topic);
  const buttons = STAGES.map((stage) => InlineKeyboard.text(ctx.t(`stages.${stage}`), `pr-stage:${stage}`));
  const keyboard = InlineKeyboard.from([buttons.slice(0, 2), buttons.slice(2, 4), [buttons[4]!, InlineKeyboard.text(ctx.t("practice.any"), "pr-stage:any")]]);
  await ctx.reply(ctx.t("practice.choose_stage"), { reply_markup: keyboard });
});

privateChats.callbackQuery(/^pr-stage:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const stage = ctx.match[1] as Stage | "any";
  if (stage !== "technical") {
    await ctx.editMessageReplyMarkup();
    return practise(ctx, stage === "any" ? {} : { stage });
  }
  // Only the areas this candidate's stack and level have technical questions in.
  const { stack, level } = ctx.user!;
  const bank = await ctx.services.bank.current();
  const areas = AREAS.filter((area) =>
    bank.some((q) => q.stage === "technical" && q.area === area && (!stack || !level || fitsProfile(q, stack as never, level as never))),
  );
  const buttons = areas.map((area) => InlineKeyboard.text(ctx.t(`areas.${area}`), `pr-area:${area}`));
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  await ctx.editMessageText(ctx.t("practice.choose_area"), { reply_markup: InlineKeyboard.from(rows) });
});

privateChats.callbackQuery(/^pr-area:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  await practise(ctx, { stage: "technical", topics: [ctx.match[1]!] }, ctx.t(`areas.${ctx.match[1]}`));
});

privateChats.callbackQuery(/^pr-(next|same):([\w-]+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await interviewRunning(ctx)) return;
  const previous = (await ctx.services.bank.current()).find((q) => q.id === ctx.match[2]);
  if (!previous) return practise(ctx, {});
  const exclude = [previous.id];
  if (ctx.match[1] === "next") return practise(ctx, { stage: previous.stage, exclude });
  // The narrowest topic that still has another question, else the question's whole area.
  for (const topic of [...previous.topics, previous.area]) {
    if (await ctx.services.director.startPractice(ctx.user!, ctx.chat!.id, { stage: previous.stage, topics: [topic], exclude })) return;
  }
  await practise(ctx, { stage: previous.stage, exclude });
});

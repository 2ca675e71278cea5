import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

/**
 * Registered last: whatever no feature took. Private chats get a short hint; groups, channels,
 * edits and service updates get silence, because a bot that chatters there gets removed.
 */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unhandled.stale_button") }));

const privateMessages = unhandledFeature.chatType("private").on("message");

privateMessages.on("message:text", async (ctx) => {
  const key = ctx.message.text.startsWith("/") ? "unhandled.command" : "unhandled.text";
  await ctx.reply(ctx.t(key));
});

privateMessages.on(
  ["message:sticker", "message:photo", "message:document", "message:animation", "message:video", "message:location", "message:contact", "message:poll"],
  (ctx) => ctx.reply(ctx.t("unhandled.media")),
);

// Answers are taken inside an interview; a voice note outside one gets pointed to the menu.
privateMessages.on(["message:voice", "message:audio", "message:video_note"], (ctx) => ctx.reply(ctx.t("unhandled.voice")));

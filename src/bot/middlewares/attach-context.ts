import type { MiddlewareFn } from "grammy";
import { interfaceLanguageOf } from "../../db/users.ts";
import { languageFromTelegram } from "../../i18n.ts";
import type { Logger } from "../../logger.ts";
import type { BotContext } from "../context.ts";
import type { Services } from "../services.ts";

/** Every update gets its own logger carrying the update and chat ids, and the services. */
export function attachLogger(logger: Logger, services: Services): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.logger = logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chatId });
    ctx.services = services;
    return next();
  };
}

/** The user row for private chats, and the language: the user's choice, else Telegram's hint. */
export function attachUser(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    const isPerson = from && ctx.chat?.type === "private" && !from.is_bot;
    ctx.user = isPerson ? await ctx.services.users.ensure(from) : undefined;
    ctx.lang = ctx.user ? interfaceLanguageOf(ctx.user) : languageFromTelegram(from?.language_code);
    ctx.t = ctx.services.i18n.t(ctx.lang);
    return next();
  };
}

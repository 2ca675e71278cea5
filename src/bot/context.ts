import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { UserRow } from "../db/users.ts";
import type { Language } from "../domain/vocabulary.ts";
import type { Translate } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import type { Services } from "./services.ts";

/** What every handler can rely on, installed by the middlewares in create-bot.ts. */
export interface BotExtras {
  logger: Logger;
  services: Services;
  /** The person behind a private-chat update, created on first contact. */
  user: UserRow | undefined;
  lang: Language;
  t: Translate;
}

export type BaseContext = Context & BotExtras;
export type BotContext = ConversationFlavor<BaseContext>;

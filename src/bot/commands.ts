import type { Api } from "grammy";
import { LANGUAGES } from "../domain/vocabulary.ts";
import type { I18n } from "../i18n.ts";

const COMMANDS = ["interview", "practice", "skip", "pause", "start", "settings", "language", "help", "cancel"] as const;

/** The "/" menu in each user's language; English is also the default for everyone else. */
export async function publishCommandMenus(api: Api, i18n: I18n): Promise<void> {
  for (const language of LANGUAGES) {
    const t = i18n.t(language);
    const commands = COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) }));
    await api.setMyCommands(commands, { language_code: language, scope: { type: "all_private_chats" } });
    if (language === "en") await api.setMyCommands(commands, { scope: { type: "all_private_chats" } });
  }
}

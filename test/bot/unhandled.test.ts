import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { ENGINE } from "../support/database.ts";
import { startBotHarness, type BotHarness } from "../support/bot-harness.ts";
import type { FakeUser } from "../fakes/telegram-server.ts";

const bobur: FakeUser = { id: 601, first_name: "Bobur", language_code: "uz" };
const olga: FakeUser = { id: 602, first_name: "Ольга", language_code: "ru" };

describe(`bad input on ${ENGINE}`, () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await startBotHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it("answers an unknown command, free text and a sticker with a short localized hint", async () => {
    await h.deliver(h.telegram.sendText(olga, "/teleport"));
    expect(h.telegram.lastMessage(olga.id)!.text).toBe("Такой команды я не знаю. Отправьте /help, чтобы узнать, что я умею.");
    await h.deliver(h.telegram.sendText(bobur, "salom"));
    expect(h.telegram.lastMessage(bobur.id)!.text).toBe("Buni nima qilishni tushunmadim. Imkoniyatlarni koʻrish uchun /help yuboring.");
    await h.deliver(h.telegram.sendSticker(bobur));
    expect(h.telegram.lastMessage(bobur.id)!.text).toBe(
      "Men faqat matn va ovozli xabarlar bilan ishlayman. Imkoniyatlarni koʻrish uchun /help yuboring.",
    );
  });

  it("points a voice note sent outside an interview to /interview and /practice", async () => {
    await h.deliver(h.telegram.sendVoice(olga, Buffer.from("OggS"), 5));
    expect(h.telegram.lastMessage(olga.id)!.text).toBe("Чтобы ответить голосом, начните с /interview или /practice: сначала я задам вопрос.");
    expect(h.telegram.callsOf("getFile")).toHaveLength(0);
  });

  it("stays silent on edited messages, channel posts, group chatter and unknown update types", async () => {
    const original = h.telegram.sendText(olga, "typo");
    await h.deliver(original);
    const sentBefore = h.telegram.callsOf("sendMessage").length;
    await h.deliver(h.telegram.editText(olga, original.message!, "fixed typo"));
    const channel = { id: -1001, type: "channel", title: "News" };
    await h.deliver(h.telegram.push({
      update_id: h.telegram.nextUpdateIdValue(),
      channel_post: { message_id: 1, date: 0, chat: channel, text: "/help" },
    } as Update));
    const group = { id: -5001, type: "supergroup", title: "Backend UZ" } as const;
    await h.deliver(h.telegram.sendText(olga, "hello everyone", group));
    await h.deliver({ update_id: h.telegram.nextUpdateIdValue(), some_future_update: { x: 1 } } as unknown as Update);
    expect(h.telegram.callsOf("sendMessage").length).toBe(sentBefore);
    expect(h.logs().filter((line) => line.level === 50)).toEqual([]);
  });

  it("logs a failing handler with its update id and apologises in the user's language", async () => {
    h.telegram.failNext("sendMessage", 400, "Bad Request: chat is being renovated");
    const update = h.telegram.sendText(olga, "/help");
    await h.deliver(update);
    const failure = h.logs().find((line) => line.msg === "update failed")!;
    expect(failure).toMatchObject({ update_id: update.update_id, chat_id: olga.id, kind: "telegram_api" });
    expect(h.telegram.lastMessage(olga.id)!.text).toBe(
      "Извините, у меня что-то сломалось. Ваши данные на месте; попробуйте ещё раз через минуту.",
    );
  });

  it("waits out a 429 with retry_after and still delivers the answer", async () => {
    h.telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
    const started = Date.now();
    await h.deliver(h.telegram.sendText(bobur, "/help"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(h.telegram.callsOf("sendMessage")).toHaveLength(2);
    expect(h.telegram.lastMessage(bobur.id)!.text).toContain("/settings");
  });

  it("handles the same update id only once", async () => {
    const update = h.telegram.sendText(bobur, "/help");
    await h.deliver(update);
    await h.deliver(update);
    expect(h.telegram.callsOf("sendMessage")).toHaveLength(1);
  });
});

describe(`settings on ${ENGINE}`, () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await startBotHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it("switches the interface language with /language and answers in it from then on", async () => {
    await h.deliver(h.telegram.sendText(olga, "/language"));
    await h.deliver(h.telegram.pressButton(olga, h.telegram.lastMessage(olga.id)!, "Oʻzbekcha"));
    expect(h.telegram.lastMessage(olga.id)!.text).toContain("Interfeys tili: Oʻzbekcha");
    await h.deliver(h.telegram.sendText(olga, "/help"));
    expect(h.telegram.lastMessage(olga.id)!.text).toContain("Men backend suhbatlariga");
  });

  it("changes stack, level and interview language from the /settings menu", async () => {
    await h.deliver(h.telegram.sendText(bobur, "/settings"));
    const menu = h.telegram.lastMessage(bobur.id)!;
    expect(menu.text).toContain("Stek: tanlanmagan");
    await h.deliver(h.telegram.pressButton(bobur, menu, "Stek"));
    await h.deliver(h.telegram.pressButton(bobur, h.telegram.lastMessage(bobur.id)!, "PHP"));
    await h.deliver(h.telegram.pressButton(bobur, h.telegram.lastMessage(bobur.id)!, "Suhbat tili"));
    await h.deliver(h.telegram.pressButton(bobur, h.telegram.lastMessage(bobur.id)!, "English"));
    const summary = h.telegram.lastMessage(bobur.id)!.text!;
    expect(summary).toContain("Stek: PHP");
    expect(summary).toContain("Suhbat tili: English");
    expect(summary).toContain("Interfeys tili: tanlanmagan");
    // The settings message is edited in place: one message in the chat, not a stream.
    expect(h.telegram.chatMessages(bobur.id)).toHaveLength(1);
  });
});

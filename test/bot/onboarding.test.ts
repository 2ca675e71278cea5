import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENGINE } from "../support/database.ts";
import { startBotHarness, type BotHarness } from "../support/bot-harness.ts";
import type { FakeUser } from "../fakes/telegram-server.ts";

const aziza: FakeUser = { id: 501, first_name: "Aziza", language_code: "uz" };
const dmitry: FakeUser = { id: 502, first_name: "Дмитрий", language_code: "ru" };
const emma: FakeUser = { id: 503, first_name: "Emma", language_code: "en-GB" };

describe(`onboarding on ${ENGINE}`, () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await startBotHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it.each([
    [aziza, "Salom, Aziza!", "Oʻzbekcha"],
    [dmitry, "Привет, Дмитрий!", "Русский"],
    [emma, "Hi, Emma!", "English"],
  ])("greets %s in the language Telegram reports, with the language keyboard", async (user, greeting) => {
    await h.deliver(h.telegram.sendText(user, "/start"));
    const welcome = h.telegram.lastMessage(user.id)!;
    expect(welcome.text).toContain(greeting);
    const labels = welcome.reply_markup!.inline_keyboard.flat().map((button) => button.text);
    expect(labels).toEqual(["English", "Русский", "Oʻzbekcha"]);
  });

  it("walks language → stack → level, saves each choice and ends with a summary", async () => {
    await h.deliver(h.telegram.sendText(emma, "/start"));
    await h.deliver(h.telegram.pressButton(emma, h.telegram.lastMessage(emma.id)!, "Русский"));
    const stackQuestion = h.telegram.lastMessage(emma.id)!;
    expect(stackQuestion.text).toBe("С каким стеком вы работаете?");
    // The pressed keyboard turns into a record of the choice, so it cannot be pressed twice.
    expect(h.telegram.chatMessages(emma.id)[0]!.text).toBe("🌐 Русский");

    await h.deliver(h.telegram.pressButton(emma, stackQuestion, "Go"));
    await h.deliver(h.telegram.pressButton(emma, h.telegram.lastMessage(emma.id)!, "Senior"));
    const done = h.telegram.lastMessage(emma.id)!.text!;
    expect(done).toMatch(/^Готово: Go, Senior, язык собеседования: Русский\./);
    expect(done).toMatch(/В банке для вас \d+ вопрос/);

    await h.deliver(h.telegram.sendText(emma, "/settings"));
    expect(h.telegram.lastMessage(emma.id)!.text).toContain("Стек: Go");
  });

  it("answers text in the middle of onboarding with a hint and keeps waiting", async () => {
    await h.deliver(h.telegram.sendText(dmitry, "/start"));
    await h.deliver(h.telegram.sendText(dmitry, "hello?"));
    expect(h.telegram.lastMessage(dmitry.id)!.text).toBe("Выберите один из вариантов на кнопках выше или отправьте /cancel.");
    await h.deliver(h.telegram.pressButton(dmitry, h.telegram.chatMessages(dmitry.id)[0]!, "English"));
    expect(h.telegram.lastMessage(dmitry.id)!.text).toBe("Which stack do you work with?");
  });

  it("/cancel leaves onboarding; a later button press on the old keyboard is answered as stale", async () => {
    await h.deliver(h.telegram.sendText(aziza, "/start"));
    const welcome = h.telegram.lastMessage(aziza.id)!;
    await h.deliver(h.telegram.sendText(aziza, "/cancel"));
    expect(h.telegram.lastMessage(aziza.id)!.text).toBe("Toʻxtatildi. Imkoniyatlarni koʻrish uchun /help yuboring.");
    await h.deliver(h.telegram.pressButton(aziza, welcome, "English"));
    const answer = h.telegram.callsOf("answerCallbackQuery").at(-1)!;
    expect(answer.params.text).toBe("Bu tugma endi faol emas.");
  });
});

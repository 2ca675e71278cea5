import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, Message, Update, User, UserFromGetMe } from "grammy/types";
import { readBody, type UploadedFile } from "./http-body.ts";

/**
 * A local stand-in for the Telegram Bot API that the real grammY client talks to over HTTP.
 * It keeps what matters for the bot: long polling with offsets, realistic Message objects,
 * multipart uploads, getFile plus the download route, and errors in Telegram's own shape
 * (400 for bad edits, 429 with retry_after on demand).
 */

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  files: Record<string, UploadedFile>;
  at: number;
}

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Buffer;
}

interface PlannedFailure {
  method: string;
  status: number;
  description: string;
  retryAfter?: number;
}

interface Poll {
  offset: number;
  limit: number;
  resolve: (updates: Update[]) => void;
  timer: NodeJS.Timeout;
}

const BOT_ID = 7_000_000_001;

export class FakeTelegram {
  readonly token = `${BOT_ID}:${randomBytes(12).toString("hex")}`;
  readonly botInfo: UserFromGetMe = {
    id: BOT_ID,
    is_bot: true,
    first_name: "Mock Interview",
    username: "mock_interview_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  } as UserFromGetMe;
  readonly calls: ApiCall[] = [];
  /** Every message the bot has in each chat, by id, as Telegram would now show it. */
  readonly messages = new Map<number, Map<number, Message>>();

  private server!: Server;
  private port = 0;
  private nextUpdateId = 100_000;
  private nextMessageId = 1;
  private pending: Update[] = [];
  private poll: Poll | undefined;
  private failures: PlannedFailure[] = [];
  private files = new Map<string, StoredFile>();
  private waiters: Array<() => void> = [];
  private chats = new Map<number, Chat>();

  static async start(): Promise<FakeTelegram> {
    const fake = new FakeTelegram();
    fake.server = createServer((req, res) => void fake.route(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.releasePoll();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- what users do -------------------------------------------------------------------

  sendText(user: FakeUser, text: string, chat: Chat = privateChat(user)): Update {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]!.length }]
      : undefined;
    return this.pushMessage(user, chat, { text, ...(entities ? { entities } : {}) });
  }

  sendSticker(user: FakeUser): Update {
    return this.pushMessage(user, privateChat(user), {
      sticker: {
        file_id: "sticker-file",
        file_unique_id: "sticker-unique",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    });
  }

  sendVoice(user: FakeUser, audio: Buffer, durationSeconds: number, mimeType = "audio/ogg"): Update {
    const file = this.registerFile(audio, "voice", "oga");
    return this.pushMessage(user, privateChat(user), {
      voice: { file_id: file.file_id, file_unique_id: file.file_unique_id, duration: durationSeconds, mime_type: mimeType, file_size: audio.length },
    });
  }

  sendAudio(user: FakeUser, audio: Buffer, durationSeconds: number, mimeType = "audio/mpeg"): Update {
    const file = this.registerFile(audio, "music", mimeType === "audio/mpeg" ? "mp3" : "m4a");
    return this.pushMessage(user, privateChat(user), {
      audio: { file_id: file.file_id, file_unique_id: file.file_unique_id, duration: durationSeconds, mime_type: mimeType, file_size: audio.length },
    });
  }

  sendVideoNote(user: FakeUser, video: Buffer, durationSeconds: number): Update {
    const file = this.registerFile(video, "video_notes", "mp4");
    return this.pushMessage(user, privateChat(user), {
      video_note: { file_id: file.file_id, file_unique_id: file.file_unique_id, duration: durationSeconds, length: 384, file_size: video.length },
    });
  }

  /** Presses an inline button on a message the bot sent; fails loudly if there is no such button. */
  pressButton(user: FakeUser, message: Message, label: string | RegExp): Update {
    const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
    const button = buttons.find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (!button || !("callback_data" in button)) {
      throw new Error(`no button ${String(label)} on message ${message.message_id}: ${buttons.map((b) => b.text).join(", ")}`);
    }
    return this.push({
      update_id: this.nextUpdateId++,
      callback_query: {
        id: randomBytes(8).toString("hex"),
        from: asTelegramUser(user),
        message,
        chat_instance: String(message.chat.id),
        data: button.callback_data,
      },
    });
  }

  editText(user: FakeUser, original: Message, text: string): Update {
    return this.push({
      update_id: this.nextUpdateId++,
      edited_message: { ...original, from: asTelegramUser(user), text, edit_date: now() } as Update["edited_message"],
    });
  }

  /** Any raw update, for types the helpers above do not build. */
  push(update: Update): Update {
    this.pending.push(update);
    this.deliver();
    return update;
  }

  nextUpdateIdValue(): number {
    return this.nextUpdateId++;
  }

  // ---- what the test checks ------------------------------------------------------------

  /** Messages the bot sent (or edited into shape) in a chat, oldest first. */
  chatMessages(chatId: number): Message[] {
    return [...(this.messages.get(chatId)?.values() ?? [])];
  }

  lastMessage(chatId: number): Message | undefined {
    return this.chatMessages(chatId).at(-1);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once the predicate holds, re-checked after every API call; rejects on timeout. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 10_000, what = "condition"): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; last calls: ${this.describeRecentCalls()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the bot's next message in the chat after the given count of messages. */
  async nextMessage(chatId: number, after: number, timeoutMs = 10_000): Promise<Message> {
    return this.waitFor(() => this.chatMessages(chatId)[after], timeoutMs, `message #${after + 1} in chat ${chatId}`);
  }

  /** The next call to `method` fails with Telegram's error shape; 429 carries retry_after. */
  failNext(method: string, status: number, description: string, retryAfter?: number): void {
    this.failures.push({ method, status, description, ...(retryAfter !== undefined ? { retryAfter } : {}) });
  }

  registerFile(bytes: Buffer, folder: string, extension: string): StoredFile {
    const id = randomBytes(6).toString("hex");
    const file: StoredFile = {
      file_id: `AwACAgIAAxkBAAI${id}`,
      file_unique_id: `AgAD${id}`,
      file_path: `${folder}/file_${this.files.size}.${extension}`,
      bytes,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  // ---- the HTTP side -------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const download = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (req.method === "GET" && download) return this.serveFile(download[1]!, download[2]!, res);

    const call = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!call) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (call[1] !== this.token) return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = call[2]!;
    const { fields, files } = await readBody(req);
    const params = decodeFields(fields);
    this.calls.push({ method, params, files, at: Date.now() });

    const failureIndex = this.failures.findIndex((f) => f.method === method);
    if (failureIndex >= 0) {
      const [failure] = this.failures.splice(failureIndex, 1);
      this.notify();
      return send(res, failure!.status, {
        ok: false,
        error_code: failure!.status,
        description: failure!.description,
        ...(failure!.retryAfter !== undefined ? { parameters: { retry_after: failure!.retryAfter } } : {}),
      });
    }

    try {
      if (method === "getUpdates") return await this.getUpdates(params, res);
      const result = this.handle(method, params, files);
      send(res, 200, { ok: true, result });
    } catch (error) {
      if (error instanceof TelegramError) send(res, error.status, { ok: false, error_code: error.status, description: error.message });
      else send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
    } finally {
      this.notify();
    }
  }

  private handle(method: string, params: Record<string, unknown>, files: Record<string, UploadedFile>): unknown {
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "deleteWebhook":
      case "setWebhook":
      case "setMyCommands":
      case "sendChatAction":
      case "answerCallbackQuery":
        return true;
      case "sendMessage":
        return this.store(Number(params.chat_id), { text: checkText(formatted(params.text, params.parse_mode)), ...markup(params) });
      case "editMessageText":
        return this.edit(Number(params.chat_id), Number(params.message_id), {
          text: checkText(formatted(params.text, params.parse_mode)),
          ...markup(params),
        });
      case "editMessageReplyMarkup":
        return this.edit(Number(params.chat_id), Number(params.message_id), markup(params));
      case "sendPhoto": {
        // grammY uploads under a field of its own and names it in the parameter: "attach://<field>".
        const reference = typeof params.photo === "string" && params.photo.startsWith("attach://") ? params.photo.slice(9) : "photo";
        const photo = files[reference];
        if (!photo) throw new TelegramError(400, "Bad Request: there is no photo in the request");
        const file = this.registerFile(photo.bytes, "photos", "png");
        const caption = params.caption === undefined ? {} : { caption: formatted(params.caption, params.parse_mode) };
        return this.store(Number(params.chat_id), {
          photo: [{ file_id: file.file_id, file_unique_id: file.file_unique_id, width: 800, height: 800, file_size: photo.bytes.length }],
          ...caption,
          ...markup(params),
        });
      }
      case "getFile": {
        const file = this.files.get(String(params.file_id));
        if (!file) throw new TelegramError(400, "Bad Request: invalid file_id");
        return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length, file_path: file.file_path };
      }
      default:
        throw new TelegramError(404, "Not Found: method not found");
    }
  }

  private async getUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(Number(params.limit ?? 100), 100);
    const timeoutSeconds = Number(params.timeout ?? 0);
    // An offset confirms every update below it: Telegram forgets them for good.
    if (offset > 0) this.pending = this.pending.filter((update) => update.update_id >= offset);
    if (this.poll) {
      // Telegram answers a second concurrent poller with 409, as two bot instances would see.
      return send(res, 409, { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request" });
    }
    const ready = this.pending.slice(0, limit);
    if (ready.length > 0 || timeoutSeconds === 0) return send(res, 200, { ok: true, result: ready });

    const updates = await new Promise<Update[]>((resolve) => {
      const timer = setTimeout(() => this.releasePoll(), timeoutSeconds * 1000);
      this.poll = { offset, limit, resolve, timer };
      // The poller went away (process killed, request aborted): Telegram stops holding the poll.
      res.once("close", () => {
        if (this.poll?.resolve === resolve) this.releasePoll();
      });
    });
    if (!res.destroyed) send(res, 200, { ok: true, result: updates });
  }

  private deliver(): void {
    if (!this.poll) return;
    const ready = this.pending.filter((update) => update.update_id >= this.poll!.offset).slice(0, this.poll.limit);
    if (ready.length > 0) this.releasePoll(ready);
  }

  private releasePoll(updates: Update[] = []): void {
    const poll = this.poll;
    if (!poll) return;
    this.poll = undefined;
    clearTimeout(poll.timer);
    poll.resolve(updates);
  }

  private serveFile(token: string, path: string, res: ServerResponse): void {
    const file = [...this.files.values()].find((f) => f.file_path === path);
    if (token !== this.token || !file) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length }).end(file.bytes);
  }

  private pushMessage(user: FakeUser, chat: Chat, content: Partial<Message>): Update {
    this.chats.set(chat.id, chat);
    return this.push({
      update_id: this.nextUpdateId++,
      message: { message_id: this.nextMessageId++, date: now(), chat, from: asTelegramUser(user), ...content } as Update["message"],
    });
  }

  private store(chatId: number, content: Partial<Message>): Message {
    const chat = this.chats.get(chatId);
    if (!chat) throw new TelegramError(400, "Bad Request: chat not found");
    const message = { message_id: this.nextMessageId++, date: now(), chat, from: this.botInfo, ...content } as Message;
    if (!this.messages.has(chatId)) this.messages.set(chatId, new Map());
    this.messages.get(chatId)!.set(message.message_id, message);
    return message;
  }

  private edit(chatId: number, messageId: number, content: Partial<Message>): Message {
    const existing = this.messages.get(chatId)?.get(messageId);
    if (!existing) throw new TelegramError(400, "Bad Request: message to edit not found");
    const next = { ...existing, ...content, edit_date: now() } as Message;
    if (!("reply_markup" in content)) delete (next as { reply_markup?: unknown }).reply_markup;
    const same =
      existing.text === next.text && JSON.stringify(existing.reply_markup ?? null) === JSON.stringify(next.reply_markup ?? null);
    if (same) {
      throw new TelegramError(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    this.messages.get(chatId)!.set(messageId, next);
    return next;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private describeRecentCalls(): string {
    return this.calls
      .slice(-6)
      .map((call) => `${call.method}(${JSON.stringify(call.params).slice(0, 160)})`)
      .join("; ");
  }
}

class TelegramError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export function privateChat(user: FakeUser): Chat {
  return { id: user.id, type: "private", first_name: user.first_name, ...(user.username ? { username: user.username } : {}) } as Chat;
}

function asTelegramUser(user: FakeUser): User {
  return { is_bot: false, ...user };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** Multipart fields arrive as strings; objects inside them are JSON, as grammY encodes them. */
function decodeFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => {
      if (typeof value !== "string" || !/^[[{]/.test(value)) return [key, value];
      try {
        return [key, JSON.parse(value)];
      } catch {
        return [key, value];
      }
    }),
  );
}

const HTML_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "blockquote", "tg-spoiler", "span"]);

/**
 * Telegram parses HTML and returns the plain text (entities aside); a tag it does not know, an
 * unclosed tag or a bare "<" is refused with 400, as the real API does.
 */
function formatted(value: unknown, parseMode: unknown): string {
  const text = String(value ?? "");
  if (parseMode !== "HTML") return text;
  const open: string[] = [];
  const plain = text.replace(/<(\/?)([a-z-]+)([^>]*)>|<|>/g, (whole, closing: string | undefined, tag: string | undefined) => {
    if (!tag) throw new TelegramError(400, `Bad Request: can't parse entities: unexpected "${whole}"`);
    if (!HTML_TAGS.has(tag)) throw new TelegramError(400, `Bad Request: can't parse entities: unsupported start tag "${tag}"`);
    if (closing) {
      if (open.pop() !== tag) throw new TelegramError(400, `Bad Request: can't parse entities: unmatched end tag "${tag}"`);
    } else open.push(tag);
    return "";
  });
  if (open.length > 0) throw new TelegramError(400, `Bad Request: can't parse entities: unclosed start tag "${open.at(-1)}"`);
  return plain.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

function checkText(value: unknown): string {
  const text = String(value ?? "");
  if (text.trim() === "") throw new TelegramError(400, "Bad Request: message text is empty");
  if (text.length > 4096) throw new TelegramError(400, "Bad Request: message is too long");
  return text;
}

function markup(params: Record<string, unknown>): Partial<Message> {
  const replyMarkup = params.reply_markup as Message["reply_markup"] | undefined;
  if (!replyMarkup) return {};
  for (const button of (replyMarkup.inline_keyboard ?? []).flat()) {
    if ("callback_data" in button && Buffer.byteLength(button.callback_data ?? "") > 64) {
      throw new TelegramError(400, "Bad Request: BUTTON_DATA_INVALID");
    }
  }
  return { reply_markup: replyMarkup };
}

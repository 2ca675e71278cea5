import OpenAI, { toFile } from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FakeOpenAI } from "./openai-server.ts";

// The harness itself: the real openai SDK must be able to talk to the fake as to the real API.
describe("fake OpenAI server", () => {
  let fake: FakeOpenAI;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await FakeOpenAI.start();
    client = new OpenAI({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 2 });
  });
  afterAll(() => fake.stop());

  it("takes a multipart audio upload with language and prompt", async () => {
    fake.transcribe = (request) => `heard ${request.file.bytes.length} bytes in ${request.language}`;
    const audio = Buffer.from("OggS-not-really-audio");
    const result = await client.audio.transcriptions.create({
      file: await toFile(audio, "voice.ogg", { type: "audio/ogg" }),
      model: "gpt-4o-mini-transcribe",
      language: "uz",
      prompt: "Kafka, idempotency, JWT",
    });
    expect(result.text).toBe(`heard ${audio.length} bytes in uz`);
    const request = fake.transcriptions.at(-1)!;
    expect(request).toMatchObject({ model: "gpt-4o-mini-transcribe", language: "uz", prompt: "Kafka, idempotency, JWT" });
    expect(request.file).toMatchObject({ name: "voice.ogg", type: "audio/ogg" });
  });

  it("answers chat completions with a json_schema response format that the SDK parses", async () => {
    const verdict = z.object({ score: z.number(), reason: z.string() });
    fake.complete = () => ({ score: 7, reason: "covers the main points" });
    const completion = await client.chat.completions.parse({
      model: "gpt-4o-mini",
      temperature: 0,
      messages: [{ role: "user", content: "grade this" }],
      response_format: zodResponseFormat(verdict, "verdict"),
    });
    expect(completion.choices[0]!.message.parsed).toEqual({ score: 7, reason: "covers the main points" });
    expect(completion.usage!.prompt_tokens).toBeGreaterThan(0);
    expect(fake.completions.at(-1)!.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "verdict", strict: true } });
  });

  it("fails with 429 and retry-after, which the SDK retries", async () => {
    fake.failNext("/chat/completions", 429, 1, 0);
    fake.complete = () => ({ ok: true });
    const before = fake.completions.length;
    const completion = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ ok: true });
    expect(fake.completions.length).toBe(before + 1);
  });

  it("surfaces a persistent 500 as an APIError once retries are spent", async () => {
    fake.failNext("/chat/completions", 500, 3);
    const failing = new OpenAI({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 2 });
    await expect(failing.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      status: 500,
    });
  });

  it("rejects a wrong API key with 401", async () => {
    const stranger = new OpenAI({ apiKey: "sk-wrong", baseURL: fake.baseUrl, maxRetries: 0 });
    await expect(stranger.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      status: 401,
    });
  });
});

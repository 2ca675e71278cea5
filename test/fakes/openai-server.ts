import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody, type UploadedFile } from "./http-body.ts";

/**
 * A local OpenAI-compatible server for the real openai SDK: multipart transcriptions and chat
 * completions with json_schema response formats, in the API's own response and error shapes.
 * Tests script the answers, the latency and the failures (429 with retry-after, 5xx).
 */

export interface TranscriptionRequest {
  model: string;
  language: string | undefined;
  prompt: string | undefined;
  file: UploadedFile;
}

export interface ChatCompletionRequest {
  model: string;
  temperature?: number;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
}

interface PlannedFailure {
  path: string;
  status: number;
  retryAfterSeconds?: number;
}

export class FakeOpenAI {
  readonly apiKey = "sk-test-fake-key";
  readonly transcriptions: TranscriptionRequest[] = [];
  readonly completions: ChatCompletionRequest[] = [];
  /** Every request as it arrives, before latency or scripted failures: "the call has started". */
  readonly received: Array<{ path: string; at: number }> = [];
  /** What the transcription endpoint answers; defaults to a fixed sentence. */
  transcribe: (request: TranscriptionRequest) => string = () => "This is a transcribed answer.";
  /** The JSON object the model "returns" for a chat completion. */
  complete: (request: ChatCompletionRequest) => unknown = () => ({});
  latencyMs = 0;

  private server!: Server;
  private port = 0;
  private failures: PlannedFailure[] = [];

  static async start(): Promise<FakeOpenAI> {
    const fake = new FakeOpenAI();
    fake.server = createServer((req, res) => void fake.route(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** The next `count` requests to a path ("/audio/transcriptions", "/chat/completions") fail. */
  failNext(path: string, status: number, count = 1, retryAfterSeconds?: number): void {
    for (let i = 0; i < count; i++) {
      this.failures.push({ path, status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", this.baseUrl).pathname.replace(/^\/v1/, "");
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return error(res, 401, "invalid_api_key", "Incorrect API key provided.");
    }
    const { fields, files } = await readBody(req);
    this.received.push({ path, at: Date.now() });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

    const failureIndex = this.failures.findIndex((failure) => failure.path === path);
    if (failureIndex >= 0) {
      const [failure] = this.failures.splice(failureIndex, 1);
      const headers: Record<string, string> =
        failure!.retryAfterSeconds !== undefined ? { "retry-after": String(failure!.retryAfterSeconds) } : {};
      const type = failure!.status === 429 ? "rate_limit_exceeded" : "server_error";
      return error(res, failure!.status, type, `Simulated ${failure!.status}`, headers);
    }

    if (req.method === "POST" && path === "/audio/transcriptions") {
      const file = files.file;
      if (!file || file.bytes.length === 0) return error(res, 400, "invalid_request_error", "No audio file provided.");
      const request: TranscriptionRequest = {
        model: String(fields.model),
        language: fields.language === undefined ? undefined : String(fields.language),
        prompt: fields.prompt === undefined ? undefined : String(fields.prompt),
        file,
      };
      this.transcriptions.push(request);
      return json(res, 200, { text: this.transcribe(request), usage: { type: "duration", seconds: 1 } });
    }

    if (req.method === "POST" && path === "/chat/completions") {
      const request = fields as unknown as ChatCompletionRequest;
      if (!Array.isArray(request.messages)) return error(res, 400, "invalid_request_error", "messages is required");
      this.completions.push(request);
      const content = JSON.stringify(this.complete(request));
      const promptTokens = estimateTokens(request.messages.map((message) => message.content).join("\n"));
      return json(res, 200, {
        id: `chatcmpl-${this.completions.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: estimateTokens(content),
          total_tokens: promptTokens + estimateTokens(content),
          prompt_tokens_details: { cached_tokens: 0 },
        },
      });
    }
    return error(res, 404, "not_found", `Unknown path ${path}`);
  }
}

/** Roughly four characters a token, as OpenAI's own rule of thumb. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  json(res, status, { error: { message, type, param: null, code: type } }, headers);
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.ts";

export interface HttpServerOptions {
  port: number;
  logger: Logger;
  /** Resolves when the database answers; /healthz reports 503 otherwise. */
  checkHealth: () => Promise<void>;
  /** Present in webhook mode: the path Telegram posts to, and the handler for it. */
  webhook?: { path: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> };
}

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return void health(options, res);
    if (req.method === "POST" && options.webhook && path === options.webhook.path) {
      return void options.webhook.handle(req, res).catch((err: unknown) => {
        options.logger.error({ err }, "webhook handler failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    }
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function health(options: HttpServerOptions, res: ServerResponse): Promise<void> {
  try {
    await options.checkHealth();
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
  } catch (err) {
    options.logger.warn({ err }, "health check failed");
    res.writeHead(503, { "content-type": "application/json" }).end('{"status":"database unavailable"}');
  }
}

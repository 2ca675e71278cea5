import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Buffer;
}

export interface ParsedBody {
  fields: Record<string, unknown>;
  files: Record<string, UploadedFile>;
}

/**
 * Reads a JSON, urlencoded or multipart body the way a real server would. Multipart parsing
 * is the platform's own (undici's Request.formData), so uploads are checked for real.
 */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const contentType = req.headers["content-type"] ?? "";
  const request = new Request("http://fake.local/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: Readable.toWeb(req) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  if (contentType.startsWith("multipart/form-data") || contentType.startsWith("application/x-www-form-urlencoded")) {
    const form = await request.formData();
    const fields: Record<string, unknown> = {};
    const files: Record<string, UploadedFile> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") fields[key] = value;
      else files[key] = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return { fields, files };
  }
  const text = await request.text();
  return { fields: text ? (JSON.parse(text) as Record<string, unknown>) : {}, files: {} };
}

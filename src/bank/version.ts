import { createHash } from "node:crypto";
import type { BankQuestion } from "./schema.ts";

/** A question's version is a hash of its content: edit a word and it becomes a new version. */
export function questionVersion(question: BankQuestion): string {
  return createHash("sha256").update(JSON.stringify(question)).digest("hex").slice(0, 16);
}

import { toFile, type OpenAI } from "openai";
import type { Language } from "../domain/vocabulary.ts";

export interface TranscriptionRequest {
  audio: Buffer;
  filename: string;
  mimeType: string;
  language: Language;
  prompt: string;
}

export interface Transcription {
  text: string;
  latencyMs: number;
}

export interface Transcriber {
  model: string;
  transcribe(request: TranscriptionRequest): Promise<Transcription>;
}

export function createTranscriber(client: OpenAI, model: string): Transcriber {
  return {
    model,
    async transcribe(request) {
      const startedAt = performance.now();
      const result = await client.audio.transcriptions.create({
        model,
        file: await toFile(request.audio, request.filename, { type: request.mimeType }),
        // The interview language, not auto-detection: Uzbek speech full of English terms
        // is otherwise often taken for English or Turkish.
        language: request.language,
        prompt: request.prompt,
        response_format: "json",
      });
      return { text: result.text.trim(), latencyMs: Math.round(performance.now() - startedAt) };
    },
  };
}

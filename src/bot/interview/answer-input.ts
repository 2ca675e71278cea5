import type { Message } from "grammy/types";

/** What a candidate sent as an answer, reduced to what the pipeline needs. */
export type AnswerInput =
  | { kind: "text"; text: string }
  | {
      kind: "audio";
      source: "voice" | "audio" | "video_note";
      fileId: string;
      fileUniqueId: string;
      durationSeconds: number;
      fileSize: number | undefined;
      mimeType: string;
    };

/** Telegram does not let bots download files above 20 MB from its cloud Bot API. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export function answerInputFrom(message: Message): AnswerInput | undefined {
  if (message.voice) {
    const voice = message.voice;
    return audio("voice", voice.file_id, voice.file_unique_id, voice.duration, voice.file_size, voice.mime_type ?? "audio/ogg");
  }
  if (message.audio) {
    const file = message.audio;
    return audio("audio", file.file_id, file.file_unique_id, file.duration, file.file_size, file.mime_type ?? "audio/mpeg");
  }
  if (message.video_note) {
    const note = message.video_note;
    return audio("video_note", note.file_id, note.file_unique_id, note.duration, note.file_size, "video/mp4");
  }
  const text = message.text?.trim();
  if (text && !text.startsWith("/")) return { kind: "text", text };
  return undefined;
}

function audio(
  source: "voice" | "audio" | "video_note",
  fileId: string,
  fileUniqueId: string,
  durationSeconds: number,
  fileSize: number | undefined,
  mimeType: string,
): AnswerInput {
  return { kind: "audio", source, fileId, fileUniqueId, durationSeconds, fileSize, mimeType };
}

export type AnswerRejection = "voice_too_long" | "file_too_big" | "voice_unavailable";

/** Checks an answer before anything is downloaded; undefined means it can be taken. */
export function rejectAnswer(input: AnswerInput, limits: { maxVoiceSeconds: number; canTranscribe: boolean }): AnswerRejection | undefined {
  if (input.kind === "text") return undefined;
  if (!limits.canTranscribe) return "voice_unavailable";
  if (input.durationSeconds > limits.maxVoiceSeconds) return "voice_too_long";
  if (input.fileSize !== undefined && input.fileSize > MAX_DOWNLOAD_BYTES) return "file_too_big";
  return undefined;
}

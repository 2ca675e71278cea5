import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const VOICES = { en: "en-us", ru: "ru", uz: "uz" } as const;

/**
 * A genuine Telegram-style voice note: speech from espeak-ng, encoded by opusenc to OGG/Opus
 * (mono, 48 kHz, as Telegram records). Returns the bytes and the length in seconds.
 */
export function makeVoiceNote(text: string, language: keyof typeof VOICES): { bytes: Buffer; durationSeconds: number } {
  for (const tool of ["espeak-ng", "opusenc"]) {
    try {
      execFileSync("which", [tool], { stdio: "ignore" });
    } catch {
      throw new Error(`voice-note tests need ${tool}: apt-get install espeak-ng opus-tools (.ci/run does this)`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "voice-"));
  try {
    const wav = join(dir, "answer.wav");
    const ogg = join(dir, "answer.ogg");
    execFileSync("espeak-ng", ["-v", VOICES[language], "-s", "160", "-w", wav, text]);
    execFileSync("opusenc", ["--quiet", "--bitrate", "24", "--downmix-mono", wav, ogg]);
    const wavBytes = readFileSync(wav);
    // 16-bit mono PCM at the rate in the header: bytes after the 44-byte header / (2 × rate).
    const sampleRate = wavBytes.readUInt32LE(24);
    const durationSeconds = Math.max(1, Math.round((wavBytes.length - 44) / (2 * sampleRate)));
    return { bytes: readFileSync(ogg), durationSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import type { Language } from "../domain/vocabulary.ts";

/**
 * A transcription prompt in the language of the audio: the model keeps these spellings, so
 * Kafka stays Kafka in Russian and Uzbek speech rather than becoming "кафка" or "kafkа".
 */
const TERMS =
  "Kafka, RabbitMQ, Redis, PostgreSQL, MySQL, MongoDB, Elasticsearch, Kubernetes, Docker, gRPC, REST, GraphQL, JWT, OAuth, " +
  "idempotency, deadlock, race condition, mutex, goroutine, event loop, B-tree, index, sharding, replication, CAP, " +
  "microservices, CI/CD, Terraform, p95, latency, throughput, cache, TTL, DLQ, saga, Spring, Laravel, Django, FastAPI, NestJS, .NET";

const INTRO: Record<Language, string> = {
  en: "A backend developer answers an interview question.",
  ru: "Бэкенд-разработчик отвечает на вопрос собеседования.",
  uz: "Backend dasturchi suhbat savoliga javob beryapti.",
};

// Whisper reads at most 224 prompt tokens; the question goes last and is cut first.
const MAX_PROMPT_CHARS = 700;

export function transcriptionPrompt(language: Language, question: string): string {
  return `${INTRO[language]} ${TERMS}. ${question}`.slice(0, MAX_PROMPT_CHARS);
}

// Validates bank files: `node src/bank/check.ts [file...]` (default: every file in src/bank/questions).
import { listBankFiles, readBankFile } from "./files.ts";
import { uzbekOrthographyProblems } from "./orthography.ts";
import type { BankQuestion } from "./schema.ts";

function uzbekTexts(question: BankQuestion): string[] {
  const uz = question.i18n.uz;
  return [uz.question, uz.tests, ...Object.values(uz.keyPoints), ...uz.pitfalls, ...uz.followUps, uz.modelAnswer];
}

const files = process.argv.length > 2 ? process.argv.slice(2) : listBankFiles();
let failed = false;
const ids = new Map<string, string>();
for (const file of files) {
  try {
    const questions = readBankFile(file);
    let fileFailed = false;
    for (const question of questions) {
      const other = ids.get(question.id);
      if (other) {
        console.error(`${file}: id ${question.id} also in ${other}`);
        fileFailed = true;
      }
      ids.set(question.id, file);
      for (const text of uzbekTexts(question)) {
        for (const problem of uzbekOrthographyProblems(text)) {
          console.error(`${file}: ${question.id} uz: ${problem}`);
          fileFailed = true;
        }
      }
    }
    if (fileFailed) failed = true;
    else console.log(`${file}: ${questions.length} questions OK`);
  } catch (error) {
    console.error((error as Error).message);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

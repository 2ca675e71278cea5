import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { readBank } from "../../src/bank/files.ts";
import { questionVersion } from "../../src/bank/version.ts";
import { createBankRepo } from "../../src/db/bank.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { bankQuestions } from "../../src/db/schema.ts";
import { createTestDatabase, ENGINE, type TestDatabase } from "../support/database.ts";

describe(`loading the bank into ${ENGINE}`, () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeEach(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase(testDb.target);
    await database.migrate();
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it("inserts every question once and changes nothing on the next start", async () => {
    const bank = readBank();
    const repo = createBankRepo(database.db);
    expect(await repo.sync(bank)).toEqual({ inserted: bank.length, retired: 0, unchanged: 0 });
    expect(await repo.sync(bank)).toEqual({ inserted: 0, retired: 0, unchanged: bank.length });
    expect(await repo.countFor(undefined, undefined)).toBe(bank.length);
  });

  it("keeps the old version of an edited question for the grades that point at it", async () => {
    const bank = readBank();
    const repo = createBankRepo(database.db);
    await repo.sync(bank);
    const original = bank[0]!;
    const edited = structuredClone(original);
    edited.i18n.en.question = `${original.i18n.en.question} (reworded)`;
    expect(await repo.sync([edited, ...bank.slice(1)])).toEqual({ inserted: 1, retired: 1, unchanged: bank.length - 1 });

    const versions = await database.db
      .select({ version: bankQuestions.version, isCurrent: bankQuestions.isCurrent, content: bankQuestions.content })
      .from(bankQuestions)
      .where(eq(bankQuestions.id, original.id));
    expect(versions).toHaveLength(2);
    const old = versions.find((row) => row.version === questionVersion(original))!;
    expect(old.isCurrent).toBe(false);
    expect((old.content as typeof original.i18n).en.question).toBe(original.i18n.en.question);
    // Reverting the edit brings the old row back rather than adding a third.
    expect(await repo.sync(bank)).toEqual({ inserted: 0, retired: 1, unchanged: bank.length });
    const [current] = await database.db
      .select({ version: bankQuestions.version })
      .from(bankQuestions)
      .where(and(eq(bankQuestions.id, original.id), eq(bankQuestions.isCurrent, true)));
    expect(current!.version).toBe(questionVersion(original));
  });

  it("counts questions for a stack and level, general ones included", async () => {
    const bank = readBank();
    const repo = createBankRepo(database.db);
    await repo.sync(bank);
    const expected = bank.filter(
      (question) => (question.stacks === "all" || question.stacks.includes("php")) && question.levels.includes("junior"),
    ).length;
    expect(await repo.countFor("php", "junior")).toBe(expected);
  });
});

import type { AnswersRepo } from "../db/answers.ts";
import type { BankRepo } from "../db/bank.ts";
import type { InterviewsRepo } from "../db/interviews.ts";
import type { UsersRepo } from "../db/users.ts";
import type { I18n } from "../i18n.ts";
import type { InterviewDirector } from "./interview/director.ts";

/** The dependencies handlers reach through ctx.services; built once in createBot. */
export interface Services {
  users: UsersRepo;
  bank: BankRepo;
  interviews: InterviewsRepo;
  answers: AnswersRepo;
  director: InterviewDirector;
  i18n: I18n;
  now: () => Date;
}

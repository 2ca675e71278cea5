import type { BankRepo } from "../db/bank.ts";
import type { UsersRepo } from "../db/users.ts";
import type { I18n } from "../i18n.ts";

/** The dependencies handlers reach through ctx.services; built once in createBot. */
export interface Services {
  users: UsersRepo;
  bank: BankRepo;
  i18n: I18n;
  now: () => Date;
}

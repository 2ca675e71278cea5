import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { ONBOARDING } from "../conversations/onboarding.ts";

/**
 * /start always begins afresh, even mid-flow. Conversations must be registered before they
 * can be entered, yet an active one would swallow the command, so this runs in two places:
 * `leaveFlowsOnStart` before the conversations, `startFeature` after them.
 */
export const leaveFlowsOnStart = new Composer<BotContext>();
leaveFlowsOnStart.chatType("private").command("start", async (ctx, next) => {
  await ctx.conversation.exitAll();
  await next();
});

export const startFeature = new Composer<BotContext>();
startFeature.chatType("private").command("start", (ctx) => ctx.conversation.enter(ONBOARDING));

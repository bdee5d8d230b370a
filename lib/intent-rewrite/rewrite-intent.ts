import { intentRewriteSchema, type IntentRewrite, type IntentRewriteReport } from "@/lib/domain";
import type { LlmRouter, LlmTask, LlmTaskContext } from "@/lib/llm";
import { estimateTokens } from "@/lib/prompts";

const system = `You help a code search engine. A developer describes, in their own words, code they are looking for in their team's repositories.
Restate it in the words that code and its docstrings would use: the technical terms, the verbs and nouns of the API, the names of the algorithms or design patterns.
Then list up to 12 function, class or module names such code often has (snake_case or camelCase as the language would spell them).
Do not explain, do not invent a specific library's API, keep code_words under 40 words.`;

/** The routed task that restates an intent in the code's vocabulary: simple work, a local model may do it. */
export function rewriteIntentTask(intent: string): LlmTask<IntentRewrite> {
  const prompt = `Developer's intent: ${intent}`;
  return {
    task: "rewrite_intent",
    needs: { inputTokens: estimateTokens(system) + estimateTokens(prompt), reasoning: "simple", structured: true, localAllowed: true },
    system,
    prompt,
    schema: intentRewriteSchema,
    maxOutputTokens: 200,
  };
}

/** The words a rewrite adds to the intent: its restatement and the identifiers split into words. */
export function rewriteText(rewrite: IntentRewrite): string {
  const identifiers = rewrite.identifiers.map((identifier) => identifier.replace(/[_\-.]+/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").trim()).filter(Boolean);
  return [rewrite.code_words.trim(), ...identifiers].filter(Boolean).join(" ");
}

/**
 * Has the router restate an intent in the code's words. Never throws: when no provider is
 * configured, the budget refuses, the call times out or fails, the report says why and the
 * match runs on the intent as given.
 */
export async function rewriteIntent({ router, intent, context }: { router: LlmRouter; intent: string; context: LlmTaskContext }): Promise<IntentRewriteReport> {
  const unused = (reason: string): IntentRewriteReport => ({ used: false, text: null, provider: null, model: null, cost_usd: 0, cached: false, reason });
  if (!router.configured) return unused("no LLM provider is configured (docs/llm-routing.md)");
  try {
    const answer = await router.run(rewriteIntentTask(intent), context);
    const text = rewriteText(answer.value);
    if (!text) return { ...unused("the model's rewrite was empty"), provider: answer.provider, model: answer.model, cost_usd: answer.costUsd };
    return { used: true, text, provider: answer.provider, model: answer.model, cost_usd: answer.costUsd, cached: false, reason: null };
  } catch (error) {
    return unused((error as Error).message);
  }
}

import type { LlmProviderName, LlmTaskName, LlmTaskNeeds } from "@/lib/domain";
import type { LlmConfig } from "./llm-config";

/** A provider and model the router may try for a task, in the order it tries them. */
export interface RouteCandidate {
  provider: LlmProviderName;
  isLocal: boolean;
  model: string;
}

/** Whether a task counts as complex: it says so, or its prompt is over the configured size. */
export function isComplexTask(config: Pick<LlmConfig, "complexInputTokens">, needs: LlmTaskNeeds): boolean {
  return needs.reasoning === "complex" || needs.inputTokens > config.complexInputTokens;
}

/**
 * The policy: simple tasks go to the local model first, commercial ones after it; complex tasks
 * go to commercial models, then to the local one only if the task allows it. A model named for
 * the task puts its provider first among its kind. The emergency override (`forceProvider`)
 * leaves that one provider, whatever the task. Budgets are checked later, call by call.
 */
export function planRoute(config: LlmConfig, task: LlmTaskName, needs: LlmTaskNeeds): RouteCandidate[] {
  const named = config.taskModels[task];
  const candidates = config.providers.map((provider) => ({
    provider: provider.name,
    isLocal: provider.isLocal,
    model: named?.provider === provider.name ? named.model : provider.model,
  }));
  if (config.forceProvider) return candidates.filter((candidate) => candidate.provider === config.forceProvider);
  const namedFirst = (left: RouteCandidate, right: RouteCandidate) => Number(right.provider === named?.provider) - Number(left.provider === named?.provider);
  const local = candidates.filter((candidate) => candidate.isLocal);
  const commercial = candidates.filter((candidate) => !candidate.isLocal).sort(namedFirst);
  if (isComplexTask(config, needs)) return [...commercial, ...(needs.localAllowed ? local : [])];
  return [...local, ...commercial];
}

/**
 * Estimated tokens of a text: one per four characters, rounded up — the usual rule of thumb
 * for English and code under GPT-style BPE vocabularies. Chosen over a real tokenizer
 * (gpt-tokenizer is on npm) because budgets must hold for every model an agent may use, not
 * one vocabulary, and because it needs no dependency; budgets and `tokens_used` are counted
 * in these estimated tokens.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

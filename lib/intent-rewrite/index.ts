export { rewriteIntent, rewriteIntentTask, rewriteText } from "./rewrite-intent";
export { createIntentRewriter, intentRewriterFor, type IntentRewriter } from "./create-intent-rewriter";

export { rewriteIntent, rewriteIntentTask, rewriteText } from "./rewrite-intent";
export { createIntentRewriter, intentRewriterFor, processIntentRewriter, type IntentRewriter } from "./create-intent-rewriter";

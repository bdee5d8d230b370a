export { matchRequestSchema as matchSchema, type MatchBody } from "@/lib/domain";

export { writeOperatorToken, readOperatorToken, isOperatorToken } from "./operator-token";

export { writeOperatorToken, readOperatorToken, isOperatorToken } from "./operator-token";
export { requireOperator } from "./require-operator";

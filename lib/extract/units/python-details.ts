import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { Parameter } from "@/lib/domain";
import { cleanDocText, decoratorText, oneLine, type UnitDetails } from "./unit-details";

/** Signature, parameters, docstring, decorators and bases of a Python def or class. */
export function pythonDetails(node: SyntaxNode, decorators: SyntaxNode[], isMethod: boolean): UnitDetails {
  const name = node.childForFieldName("name")?.text ?? "";
  const decoratorTexts = decorators.map((decorator) => decoratorText(decorator));
  const docstring = pythonDocstring(node.childForFieldName("body"));
  if (node.type === "class_definition") {
    const superclasses = node.childForFieldName("superclasses");
    const bases = superclasses ? superclasses.namedChildren.filter(isBase).map((base) => oneLine(base.text)) : [];
    const signature = `class ${name}${superclasses ? oneLine(superclasses.text) : ""}`;
    return { signature, parameters: [], docstring, decorators: decoratorTexts, bases, isAsync: false, receiverParameters: 0 };
  }
  const isAsync = node.children.some((child) => child.type === "async");
  const parametersNode = node.childForFieldName("parameters");
  const parameters = parametersNode ? parametersNode.namedChildren.flatMap(pythonParameter) : [];
  const returnAnnotation = node.childForFieldName("return_type")?.text;
  const signature =
    `${isAsync ? "async " : ""}def ${name}${parametersNode ? oneLine(parametersNode.text) : "()"}` +
    (returnAnnotation ? ` -> ${oneLine(returnAnnotation)}` : "");
  const receiver = isMethod && isReceiver(parameters[0], decoratorTexts) ? 1 : 0;
  return {
    signature,
    parameters,
    returnAnnotation: returnAnnotation ? oneLine(returnAnnotation) : undefined,
    docstring,
    decorators: decoratorTexts,
    bases: [],
    isAsync,
    receiverParameters: receiver,
  };
}

// `metaclass=...` and other keywords configure the class; they are not bases.
function isBase(node: SyntaxNode): boolean {
  return node.type !== "keyword_argument" && node.type !== "comment" && node.type !== "dictionary_splat";
}

function isReceiver(first: Parameter | undefined, decorators: string[]): boolean {
  if (!first || first.variadic || decorators.includes("staticmethod")) return false;
  return first.name === "self" || first.name === "cls" || first.name === "mcs" || first.name === "metacls";
}

function pythonParameter(node: SyntaxNode): Parameter[] {
  switch (node.type) {
    case "identifier":
      return [{ name: node.text, hasDefault: false }];
    case "typed_parameter": {
      const inner = node.namedChildren[0];
      const annotation = node.childForFieldName("type")?.text;
      const [parameter] = inner ? pythonParameter(inner) : [{ name: "", hasDefault: false }];
      return [{ ...parameter, annotation: annotation ? oneLine(annotation) : undefined }];
    }
    case "default_parameter":
    case "typed_default_parameter": {
      const annotation = node.childForFieldName("type")?.text;
      const name = node.childForFieldName("name")?.text ?? "";
      return [{ name, annotation: annotation ? oneLine(annotation) : undefined, hasDefault: true }];
    }
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
      return [{ name: node.text, hasDefault: false, variadic: true }];
    default:
      // `*` and `/` separators, comments: not parameters.
      return [];
  }
}

/** The cleaned docstring: the body's first statement when it is a bare string. */
export function pythonDocstring(body: SyntaxNode | null): string | undefined {
  const first = body?.namedChildren.find((child) => child.type !== "comment");
  if (!first || first.type !== "expression_statement" || first.namedChildCount !== 1) return undefined;
  const literal = first.namedChildren[0];
  if (literal.type !== "string") return undefined;
  const content = literal.namedChildren
    .filter((part) => part.type === "string_content" || part.type === "escape_sequence")
    .map((part) => part.text)
    .join("");
  return cleanDocText(content);
}

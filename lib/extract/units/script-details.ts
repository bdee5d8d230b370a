import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { Parameter } from "@/lib/domain";
import { cleanDocText, decoratorText, oneLine, type UnitDetails } from "./unit-details";

const declarationWrappers = new Set([
  "variable_declarator",
  "assignment_expression",
  "lexical_declaration",
  "variable_declaration",
  "expression_statement",
  "export_statement",
]);

/** Signature, parameters, JSDoc, decorators and heritage of a JS/TS function or class unit. */
export function scriptDetails(node: SyntaxNode, head: SyntaxNode, name: string): UnitDetails {
  const decorators = scriptDecorators(node, head);
  const docstring = jsDoc(documentedNode(node, head));
  if (node.type.includes("class")) return classDetails(node, name, decorators, docstring);
  const isAsync = node.children.some((child) => child.type === "async");
  const isGenerator = node.children.some((child) => child.type === "*");
  const parametersNode = node.childForFieldName("parameters") ?? node.childForFieldName("parameter");
  const parameters = parametersNode ? scriptParameters(parametersNode) : [];
  const returnNode = node.childForFieldName("return_type");
  const returnAnnotation = returnNode ? oneLine(returnNode.text.replace(/^:\s*/, "")) : undefined;
  const typeParameters = node.childForFieldName("type_parameters")?.text ?? "";
  const parameterText = parametersNode?.type === "formal_parameters" ? parametersNode.text : `(${parametersNode?.text ?? ""})`;
  const signature = oneLine(
    `${isAsync ? "async " : ""}${isGenerator ? "*" : ""}${name}${typeParameters}${parameterText}${returnAnnotation ? `: ${returnAnnotation}` : ""}`,
  );
  return { signature, parameters, returnAnnotation, docstring, decorators, bases: [], isAsync, isGenerator, receiverParameters: 0 };
}

function classDetails(node: SyntaxNode, name: string, decorators: string[], docstring: string | undefined): UnitDetails {
  const heritage = node.namedChildren.find((child) => child.type === "class_heritage");
  const bases: string[] = [];
  for (const part of heritage?.namedChildren ?? []) {
    if (part.type === "extends_clause" || part.type === "implements_clause") {
      // `extends Base<T>` keeps its type arguments attached to the base it qualifies.
      for (const base of part.namedChildren) {
        if (base.type === "type_arguments" && bases.length > 0) bases[bases.length - 1] += oneLine(base.text);
        else bases.push(oneLine(base.text));
      }
    } else bases.push(oneLine(part.text));
  }
  const abstract = node.type === "abstract_class_declaration" ? "abstract " : "";
  const signature = oneLine(`${abstract}class ${name}${heritage ? ` ${heritage.text}` : ""}`);
  return { signature, parameters: [], docstring, decorators, bases, isAsync: false, receiverParameters: 0 };
}

/** Decorators of a member or class, whether the grammar nests them or lists them before it. */
function scriptDecorators(node: SyntaxNode, head: SyntaxNode): string[] {
  const owner = head.parent && (head.parent.type === "public_field_definition" || head.parent.type === "field_definition") ? head.parent : node;
  const found = owner.namedChildren.filter((child) => child.type === "decorator");
  let previous = (owner.parent?.type === "export_statement" ? owner.parent : owner).previousNamedSibling;
  if (owner.parent?.type === "export_statement") found.unshift(...owner.parent.namedChildren.filter((child) => child.type === "decorator"));
  while (previous && previous.type === "decorator") {
    found.unshift(previous);
    previous = previous.previousNamedSibling;
  }
  return found.map((decorator) => decoratorText(decorator));
}

// The node a JSDoc comment sits above: `export const x = () => {}` is documented as a whole.
function documentedNode(node: SyntaxNode, head: SyntaxNode): SyntaxNode {
  let current = head.id === node.id ? node : (head.parent ?? node);
  while (current.parent && declarationWrappers.has(current.parent.type)) current = current.parent;
  return current;
}

/** The cleaned text of the `/** ... *\/` comment right above a node, skipping decorators. */
function jsDoc(documented: SyntaxNode): string | undefined {
  let previous = documented.previousSibling;
  while (previous && previous.type === "decorator") previous = previous.previousSibling;
  if (!previous || previous.type !== "comment" || !previous.text.startsWith("/**")) return undefined;
  const inner = previous.text.slice(3, -2).split("\n").map((line) => line.replace(/^\s*\*\s?/, ""));
  return cleanDocText(inner.join("\n"));
}

function scriptParameters(node: SyntaxNode): Parameter[] {
  if (node.type !== "formal_parameters") return [{ name: node.text, hasDefault: false }];
  const parameters: Parameter[] = [];
  for (const child of node.namedChildren) {
    if (child.type === "comment" || child.type === "decorator") continue;
    const parameter = scriptParameter(child);
    if (parameter.name !== "this") parameters.push(parameter);
  }
  return parameters;
}

function scriptParameter(node: SyntaxNode): Parameter {
  if (node.type === "required_parameter" || node.type === "optional_parameter") {
    const pattern = node.childForFieldName("pattern");
    const type = node.childForFieldName("type");
    const inner = pattern ? scriptParameter(pattern) : { name: node.text, hasDefault: false };
    return {
      ...inner,
      annotation: type ? oneLine(type.text.replace(/^:\s*/, "")) : undefined,
      hasDefault: inner.hasDefault || node.childForFieldName("value") !== null,
    };
  }
  if (node.type === "assignment_pattern") {
    const left = node.childForFieldName("left");
    return { name: oneLine(left?.text ?? node.text), hasDefault: true };
  }
  if (node.type === "rest_pattern") return { name: oneLine(node.text), hasDefault: false, variadic: true };
  return { name: oneLine(node.text), hasDefault: false };
}

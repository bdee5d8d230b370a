export { detectFramework, frameworkOfModule, type FrameworkRole } from "./detect-framework";
export { kindPhrase } from "./kind-phrase";
export { namePattern, type NamingInput } from "./name-pattern";
export { describePattern, type DescriptionInput } from "./describe-pattern";
export { disambiguateNames, type NamedEntry } from "./disambiguate-names";
export { ownNameWords, docstringWords, meaningfulCallNames, sharedItems, informative } from "./shared-words";
export { identifierSubject, fileExportName, type IdentifierSubject } from "./identifier-subject";
export { nameWordLimit, countNameWords, withinWordLimit, cutToWordLimit } from "./name-words";

// A worker speaking the extraction worker's protocol that dies on files named crash*.py
// (as a parser crash would) and reports every other file as extracted with no units.
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, task }) => {
  if (task.file.includes("crash")) throw new Error(`parser blew up on ${task.file}`);
  const extraction = { file: task.file, language: task.language, imports: {}, units: [], lines: 1, bytes: 1 };
  parentPort.postMessage({ id, outcome: { status: "extracted", extraction } });
});
parentPort.postMessage("ready");

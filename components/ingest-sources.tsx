"use client";

import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import { isSourcePath, type SourceFile } from "./ingest-files";
import { Button } from "./ui/button";
import { control, TextField } from "./ui/field";

const pickerStyle =
  "block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-600 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-white hover:file:bg-indigo-500";

/** File and folder pickers; a folder keeps its inner paths, so occurrences show where code lives. */
export function PickedFiles({ disabled, onPick }: { disabled: boolean; onPick: (files: File[]) => void }) {
  const filesId = useId();
  const folderId = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    onPick([...(event.target.files ?? [])]);
    event.target.value = "";
  };
  // `webkitdirectory` is not in React's attribute types, though every current browser supports it.
  const folderAttributes = { webkitdirectory: "", directory: "" } as Record<string, string>;
  return (
    <section aria-labelledby="upload-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <h2 id="upload-title" className="text-base font-semibold">Upload</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">Python, TypeScript and JavaScript files; node_modules, build output and other files are left out.</p>
      <div className="space-y-1">
        <label htmlFor={folderId} className="block text-sm font-medium">A folder (a repository or part of one)</label>
        <input id={folderId} type="file" multiple disabled={disabled} onChange={onChange} className={pickerStyle} data-testid="ingest-folder" {...folderAttributes} />
      </div>
      <div className="space-y-1">
        <label htmlFor={filesId} className="block text-sm font-medium">Single files</label>
        <input id={filesId} type="file" multiple disabled={disabled} onChange={onChange} className={pickerStyle} data-testid="ingest-file-input"
          accept=".py,.pyi,.ts,.tsx,.mts,.cts,.js,.jsx,.mjs,.cjs" />
      </div>
    </section>
  );
}

/** Pasted code with the path it should be known by. */
export function PastedFileForm({ disabled, onAdd }: { disabled: boolean; onAdd: (file: SourceFile) => void }) {
  const codeId = useId();
  const [path, setPath] = useState("");
  const [content, setContent] = useState("");
  const pathProblem = path.trim() && !isSourcePath(path.trim()) ? "Name a .py, .ts, .tsx or .js file (outside node_modules)." : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onAdd({ path: path.trim(), content });
    setPath("");
    setContent("");
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="paste-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <h2 id="paste-title" className="text-base font-semibold">Paste</h2>
      <TextField label="File path" required value={path} placeholder="src/http/retry.ts" onChange={(event) => setPath(event.target.value)} data-testid="paste-path" />
      {pathProblem && <p className="text-xs text-amber-800 dark:text-amber-200">{pathProblem}</p>}
      <div className="space-y-1">
        <label htmlFor={codeId} className="block text-sm font-medium">Code</label>
        <textarea id={codeId} required rows={8} value={content} onChange={(event) => setContent(event.target.value)}
          className={`${control} font-mono text-xs`} spellCheck={false} data-testid="paste-content" />
      </div>
      <Button type="submit" variant="secondary" disabled={disabled || !path.trim() || !content || pathProblem !== null} data-testid="paste-add">Add this file</Button>
    </form>
  );
}

/** A source file ready to send to POST /api/v1/extract. */
export interface SourceFile {
  path: string;
  content: string;
}

/** What POST /api/v1/extract accepts per request (lib/upload's limits, checked here before sending). */
export const uploadLimits = { maxFiles: 200, maxFileBytes: 1024 * 1024, maxTotalBytes: 5 * 1024 * 1024 };

const sourceExtensions = /\.(py|pyi|ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
// Folders that hold installed or generated code, not the team's own: extracting them would
// fill the project with other people's patterns.
const ignoredFolders = new Set(["node_modules", ".git", "dist", "build", ".next", "__pycache__", ".venv", "venv", "coverage", ".motif"]);

/**
 * The path a picked file gets: inside a picked folder, its path below that folder (as the
 * repository root sees it); otherwise its name.
 */
export function pathOfPickedFile(file: File): string {
  const relative = file.webkitRelativePath;
  return relative ? relative.split("/").slice(1).join("/") : file.name;
}

/** Whether a path is source Motif parses and not in an ignored folder. */
export function isSourcePath(path: string): boolean {
  return sourceExtensions.test(path) && !path.split("/").some((part) => ignoredFolders.has(part));
}

/** The first limit a set of files breaks, as a sentence, or null when it fits in one request. */
export function checkUploadLimits(files: readonly SourceFile[]): string | null {
  const encoder = new TextEncoder();
  if (files.length > uploadLimits.maxFiles) {
    return `${files.length} files are more than the ${uploadLimits.maxFiles} one upload takes: pick a smaller folder, or run \`motif ingest\` on the whole repository.`;
  }
  let total = 0;
  for (const file of files) {
    const bytes = encoder.encode(file.content).length;
    if (bytes > uploadLimits.maxFileBytes) return `${file.path} is larger than 1 MB, the limit per file.`;
    total += bytes;
  }
  return total > uploadLimits.maxTotalBytes ? "These files hold more than 5 MB, the limit per upload: pick fewer, or use `motif ingest`." : null;
}

/** Reads picked files as text, keeping the source ones; `onRead` reports how many are done. */
export async function readPickedFiles(picked: readonly File[], onRead: (done: number, total: number) => void): Promise<SourceFile[]> {
  const wanted = picked.filter((file) => isSourcePath(pathOfPickedFile(file)));
  const files: SourceFile[] = [];
  for (const file of wanted) {
    files.push({ path: pathOfPickedFile(file), content: await file.text() });
    onRead(files.length, wanted.length);
  }
  return files;
}

import { ApiError } from "./api-client";

/**
 * POSTs JSON and reports the upload's progress (0–1), which `fetch` cannot do; answers like
 * `apiFetch`: the parsed body, or an ApiError carrying the API's message.
 */
export function postWithProgress<T>(path: string, body: unknown, onUpload: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.setRequestHeader("content-type", "application/json");
    request.upload.onprogress = (event) => event.lengthComputable && onUpload(event.loaded / event.total);
    request.upload.onload = () => onUpload(1);
    request.onerror = () => reject(new ApiError(0, "network:client", "the upload failed: check your connection and try again"));
    request.onload = () => {
      let answer: { error?: { code: string; message: string } } | undefined;
      try {
        answer = JSON.parse(request.responseText);
      } catch {
        answer = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(answer as T);
      else reject(new ApiError(request.status, answer?.error?.code ?? "internal:server", answer?.error?.message ?? request.statusText));
    };
    request.send(JSON.stringify(body));
  });
}

/** An inline error from the API, announced to screen readers. */
export function ErrorMessage({ error, testId }: { error: Error | null | undefined; testId: string }) {
  if (!error) return null;
  return (
    <p role="alert" data-testid={testId} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {error.message}
    </p>
  );
}

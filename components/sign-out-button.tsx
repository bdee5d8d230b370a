"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";

/** Ends the session and returns to the sign-in page, forgetting cached data. */
export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => apiFetch("/api/v1/auth/sign-out", { method: "POST" }),
    onSuccess: () => {
      queryClient.clear();
      router.replace("/sign-in");
      router.refresh();
    },
  });
  return (
    <Button variant="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending} data-testid="sign-out">
      Sign out
    </Button>
  );
}

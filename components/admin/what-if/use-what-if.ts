"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { WhatIfAnswer } from "@/lib/data/what-if";
import { getDashboardJson } from "../../hooks/get-dashboard-json";

/** How often a running what-if is asked how far it has got. */
export const WHAT_IF_POLL_MS = 1_000;

const jobPath = (id: string) => `/api/journeys/what-if/${encodeURIComponent(id)}`;

/** The job's id in the page's address, so a reload (or a pasted link) finds the same what-if. */
function rememberInUrl(id: string | null) {
  const url = new URL(window.location.href);
  if (id === null) url.searchParams.delete("whatIf");
  else url.searchParams.set("whatIf", id);
  window.history.replaceState(null, "", url);
}

/** The message of the API's one error shape, `{ "error": { "code", "message" } }` (the 409 adds "id"). */
async function refusal(response: Response): Promise<{ message: string; id?: string }> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string }; id?: string } | null;
  return { message: body?.error?.message ?? `the server answered ${response.status}`, id: body?.id };
}

/**
 * A what-if job of a draft through the HTTP API (POST, then GET every second while it runs,
 * DELETE to cancel): the same API the CLI and service clients use, with the admin's sign-in.
 * `initial` is the job the page found (its id in the URL, or the latest of the definition's name).
 */
export function useWhatIf(initial: WhatIfAnswer | null) {
  const queryClient = useQueryClient();
  const [id, setId] = useState<string | null>(initial?.id ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const query = useQuery({
    queryKey: ["what-if", id],
    queryFn: () => getDashboardJson<WhatIfAnswer>(jobPath(id!), {}),
    enabled: id !== null,
    initialData: initial && initial.id === id ? initial : undefined,
    refetchInterval: (q) => (q.state.data?.state === "running" ? WHAT_IF_POLL_MS : false),
    staleTime: 0,
  });

  const start = async (definitionText: string, from: string, to: string) => {
    setStarting(true);
    setProblem(null);
    try {
      // Sent as the document when it parses; otherwise as the text, so the server names what is wrong with it.
      let definition: unknown = definitionText;
      try {
        definition = JSON.parse(definitionText);
      } catch {}
      const response = await fetch("/api/journeys/what-if", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ definition, from, to }),
      });
      if (response.status === 202) {
        const { id: started } = (await response.json()) as { id: string };
        setId(started);
        rememberInUrl(started);
        return;
      }
      const refused = await refusal(response);
      // One runs per definition name: follow the one already running rather than fail.
      if (response.status === 409 && refused.id) {
        setId(refused.id);
        rememberInUrl(refused.id);
        setProblem(`${refused.message}. Showing that one.`);
        return;
      }
      setProblem(refused.message);
    } catch {
      setProblem("the server did not answer: try again");
    } finally {
      setStarting(false);
    }
  };

  const cancel = async () => {
    if (!id) return;
    const response = await fetch(jobPath(id), { method: "DELETE", headers: { accept: "application/json" } }).catch(() => null);
    if (!response?.ok) setProblem(response ? (await refusal(response)).message : "the server did not answer: try again");
    await queryClient.invalidateQueries({ queryKey: ["what-if", id] });
  };

  return { answer: query.data ?? null, loadFailed: query.error !== null, problem, starting, start, cancel };
}

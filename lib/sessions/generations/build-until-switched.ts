import { yieldToEventLoop } from "../../db/event-loop";
import type { Store } from "../../db/prisma";
import type { ProjectorOptions } from "../projector/options";
import { buildGenerationStep, type BuildProgress } from "./build-step";
import { readGeneration } from "./generation";
import { switchWhenCaughtUp } from "./switch";

export class GenerationBuildError extends Error {
  constructor(
    readonly id: number,
    readonly state: string,
  ) {
    super(`generation ${id} of the read models was not switched in: it is ${state}`);
  }
}

/**
 * Builds generation `id` in the foreground, step by step, and switches it in once it has caught
 * up (events appended meanwhile are folded too); another builder (the server's runner) may finish
 * it meanwhile. Throws if it fails or another start supersedes it. Answers how many events this
 * caller folded.
 */
export async function buildUntilSwitched(
  store: Store,
  id: number,
  options: ProjectorOptions = {},
  onProgress?: (progress: BuildProgress) => void,
): Promise<number> {
  let events = 0;
  let reported = -1;
  const ended = async () => {
    const generation = await readGeneration(store, id);
    const state = generation?.state ?? "gone";
    if (state !== "live") throw new GenerationBuildError(id, state);
    // The server's runner may have folded the last pages (or all of them) and switched it in: the
    // caller still hears where it ended, not silence.
    if (onProgress && generation && generation.position > reported) {
      onProgress({ id, state: "live", read: 0, position: generation.position, head: generation.head, caughtUp: true });
    }
    return events;
  };
  for (;;) {
    const step = await buildGenerationStep(store, options);
    if (step?.id !== id || step.state !== "building") return ended();
    events += step.read;
    reported = step.position;
    onProgress?.(step);
    if (step.caughtUp) {
      const result = await switchWhenCaughtUp(store, { ...options, id });
      if (result.switched || result.reason === "nothing-building") return ended();
    }
    await yieldToEventLoop();
  }
}

import { yieldToEventLoop } from "../../db/event-loop";
import type { Store } from "../../db/prisma";
import type { ProjectorOptions } from "../projector/options";
import { buildGenerationStep, type BuildProgress } from "./build-step";
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
 * up (events appended meanwhile are folded too). Throws if it fails or another start supersedes
 * it. Answers how many events it folded.
 */
export async function buildUntilSwitched(
  store: Store,
  id: number,
  options: ProjectorOptions = {},
  onProgress?: (progress: BuildProgress) => void,
): Promise<number> {
  let events = 0;
  for (;;) {
    const step = await buildGenerationStep(store, options);
    if (!step || step.id !== id || step.state !== "building") throw new GenerationBuildError(id, step?.id === id ? step.state : "superseded");
    events += step.read;
    onProgress?.(step);
    if (step.caughtUp) {
      const result = await switchWhenCaughtUp(store, { ...options, id });
      if (result.switched) return events;
      if (result.reason === "nothing-building") throw new GenerationBuildError(id, "no longer building");
    }
    await yieldToEventLoop();
  }
}

import "server-only";
import { getReadStore } from "../db/read-store";
import { readFeed, readHeadPosition } from "../eventstore/read";
import { readCheckpointPosition } from "../sessions/dead-letters";
import { buildingGeneration } from "../sessions/generations";
import { readModelNotices } from "../sessions/generations/notices";
import { CHECKPOINT } from "../sessions/projector";
import { generationTables } from "../sessions/read-model-tables";

/**
 * What the dashboard says about the read models it shows (behind the store; a new version being
 * prepared). Positions and counts only. Empty when the store does not answer: the page's own
 * reads say so then.
 */
export async function readModelNoticeLines(): Promise<string[]> {
  const store = getReadStore();
  try {
    const [head, position, building] = await Promise.all([readHeadPosition(store), readCheckpointPosition(store, CHECKPOINT), buildingGeneration(store)]);
    const [next] = head > position ? await readFeed(store, { after: position, limit: 1 }) : [];
    const buildingAt = building ? { position: await readCheckpointPosition(store, generationTables(building.id).checkpoint) } : null;
    return readModelNotices({ position, head, oldestUnfoldedAt: next?.recordedAt ?? null, now: Date.now(), building: buildingAt });
  } catch {
    return [];
  }
}

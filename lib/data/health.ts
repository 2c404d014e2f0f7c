import "server-only";
import { getStore } from "../db/prisma";
import { readHeadPosition } from "../eventstore/read";

export async function checkStoreHealth(): Promise<boolean> {
  try {
    await readHeadPosition(getStore());
    return true;
  } catch {
    return false;
  }
}

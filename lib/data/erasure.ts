import "server-only";
import type { Viewer } from "../access/viewer";
import { getStore } from "../db/prisma";
import { ErasureConflictError } from "../erasure/apply-erasure";
import { ErasureBusyError, eraseCustomer, type ErasureResult } from "../erasure/erase-customer";
import { listErasures, type ErasureSummary } from "../erasure/erasure-list";
import { isErasedPerson } from "../erasure/personal-values";
import { findExportedCustomer } from "../users/customer-export";
import { getMasker } from "./privacy";

/** One erasure at a time per server: each rewrites tables and compacts the store. */
let running = false;

export type DashboardErasure = { ok: true; result: ErasureResult } | { ok: false; error: string };

/** Erases the customer a user id or reference names (lib/erasure/erase-customer.ts), as this admin, on record. */
export async function eraseFromDashboard(admin: Viewer, idOrReference: string, reason: string): Promise<DashboardErasure> {
  const store = getStore();
  const customer = await findExportedCustomer(store, idOrReference);
  if (!customer) return { ok: false, error: "Rewind holds nothing under that user id or reference: nothing was erased." };
  if (isErasedPerson(customer.userId)) return { ok: false, error: `${customer.reference ?? "That customer"} was erased already.` };
  if (running) return { ok: false, error: "Another erasure is running on this server; try again when it has finished." };
  running = true;
  try {
    return { ok: true, result: await eraseCustomer(store, admin, customer.userId, reason) };
  } catch (error) {
    // Refusals that wrote nothing of theirs say why; anything else is the server's to report.
    if (error instanceof ErasureBusyError || error instanceof ErasureConflictError) return { ok: false, error: error.message };
    throw error;
  } finally {
    running = false;
  }
}

/** Past erasures, newest first; each reason through the patterns like any free text an admin typed. */
export async function listErasureRows(): Promise<ErasureSummary[]> {
  const [rows, masker] = await Promise.all([listErasures(getStore()), getMasker()]);
  return rows.map((r) => ({ ...r, reason: masker.text(r.reason) }));
}

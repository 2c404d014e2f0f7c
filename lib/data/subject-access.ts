import "server-only";
import type { Viewer } from "../access/viewer";
import { getStore } from "../db/prisma";
import { ApiError } from "../http/errors";
import { textStream } from "../http/text-stream";
import { recordCustomerExport } from "../users/customer-export-record";
import { exportCustomerJson, findExportedCustomer } from "../users/customer-export";

/**
 * A subject-access export as a download: everything held about the customer named by user id or
 * reference, unmasked (docs/subject-access.md), on record before the first byte. Unknown: 404,
 * and nothing recorded. The file is named by reference, never by the user id (which may be an email).
 */
export async function startCustomerExport(
  viewer: Viewer,
  idOrReference: string,
  now = new Date(),
): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const store = getStore();
  const customer = await findExportedCustomer(store, idOrReference);
  if (!customer) throw new ApiError("not_found", "Rewind holds nothing under that user id or reference", { attribute: "user" });
  await recordCustomerExport(store, viewer, customer, now);
  const filename = `subject-access-${customer.reference ?? "customer"}-${now.toISOString().slice(0, 10)}.json`;
  return { filename, body: textStream(exportCustomerJson(store, customer, now)) };
}

import { ottoRecords } from "./formats/otto";
import { trivagoRecords } from "./formats/trivago-recsys2019";
import { type FileRecord, readRecords } from "./read-records";

/**
 * The file formats `rewind import --format` reads: CloudEvents (NDJSON, a JSON array or one event),
 * and public clickstream datasets converted to CloudEvents by the mappings in docs/import-formats.md.
 */
export const IMPORT_FORMATS = {
  cloudevents: readRecords,
  "trivago-recsys2019": trivagoRecords,
  otto: ottoRecords,
} as const satisfies Record<string, (path: string, onBytes?: (n: number) => void) => AsyncGenerator<FileRecord>>;

export type ImportFormat = keyof typeof IMPORT_FORMATS;

export function isImportFormat(name: string): name is ImportFormat {
  return Object.hasOwn(IMPORT_FORMATS, name);
}

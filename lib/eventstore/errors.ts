/** The two ways an append can conflict with what is stored. Either refuses the whole append. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly index: number,
    readonly stream: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`event ${index}: stream "${stream}" is at version ${currentVersion}, but the event expected ${expectedVersion}`);
    this.name = "WrongExpectedVersionError";
  }
}

export class DuplicateIdConflictError extends Error {
  constructor(
    readonly index: number,
    readonly source: string,
    readonly id: string,
    readonly storedPosition: number | null,
  ) {
    super(`event ${index}: source "${source}" already has an event with id "${id}" and different content`);
    this.name = "DuplicateIdConflictError";
  }
}

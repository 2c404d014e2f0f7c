import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "./database-url";

describe("parseDatabaseUrl", () => {
  it("defaults to the embedded SQLite file under the working directory", () => {
    expect(parseDatabaseUrl(undefined, "/srv/app")).toEqual({
      provider: "sqlite",
      url: "file:/srv/app/data/rewind.db",
      filePath: "/srv/app/data/rewind.db",
    });
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/rewind.db");
  });

  it("keeps absolute SQLite paths", () => {
    expect(parseDatabaseUrl("file:/tmp/x.db", "/srv")).toMatchObject({ filePath: "/tmp/x.db" });
    expect(parseDatabaseUrl("file:///tmp/x.db", "/srv")).toMatchObject({ filePath: "/tmp/x.db" });
  });

  it("recognises both PostgreSQL schemes", () => {
    expect(parseDatabaseUrl("postgres://u@h/db").provider).toBe("postgresql");
    expect(parseDatabaseUrl("postgresql://u@h/db").provider).toBe("postgresql");
  });

  it("refuses anything else, naming what it accepts", () => {
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow(/file: URL .* postgres/);
    expect(() => parseDatabaseUrl("file:")).toThrow(/needs a path/);
  });
});

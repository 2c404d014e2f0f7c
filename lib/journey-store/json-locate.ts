/**
 * Where in a JSON text a value sits, by the JSON path validation errors name (`steps[2].when.type`):
 * so an editor can show an error on its line. Pure, no dependency (the admin page's editor runs it
 * in the browser). A path that is not in the text (a missing field) is placed at its nearest parent.
 */
export function linesOfPaths(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) if (text[i++] === "\n") line++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  const value = (path: string): void => {
    skip();
    if (!lines.has(path)) lines.set(path, line);
    const c = text[i];
    if (c === "{") {
      i++;
      for (;;) {
        skip();
        if (text[i] !== '"') break;
        const keyLine = line;
        const key = readString();
        const child = path === "" ? key : `${path}.${key}`;
        lines.set(child, keyLine);
        skip();
        if (text[i] === ":") i++;
        value(child);
        skip();
        if (text[i] === ",") i++;
        else break;
      }
      if (text[i] === "}") i++;
    } else if (c === "[") {
      i++;
      for (let n = 0; ; n++) {
        skip();
        if (text[i] === "]" || i >= text.length) break;
        value(`${path}[${n}]`);
        skip();
        if (text[i] === ",") i++;
        else break;
      }
      if (text[i] === "]") i++;
    } else if (c === '"') readString();
    else while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++;
  };
  value("");
  return lines;
}

/** The line an error at `path` belongs on (1 for the whole document, or one the text does not have). */
export function lineOfPath(lines: ReadonlyMap<string, number>, path: string): number {
  let p = path;
  while (p !== "") {
    const found = lines.get(p);
    if (found !== undefined) return found;
    p = p.replace(/(\[\d+\]|\.[^.[]+|^[^.[]+)$/, "");
  }
  return 1;
}

/** The line of a JSON.parse error in `text`, from the position its message gives; null when it names none. */
export function lineOfParseError(text: string, message: string): number | null {
  const at = /line (\d+)/.exec(message) ?? null;
  if (at) return Number(at[1]);
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split("\n").length : null;
}

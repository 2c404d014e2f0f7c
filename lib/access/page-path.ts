/** The header proxy.ts sets on page requests: the path and query the page was asked for. */
export const PAGE_PATH_HEADER = "x-rewind-page";

/** The dashboard's and the exports' year filter from the address; anything else means all years. */
export function yearFromUrl(url: URL): number | undefined {
  const year = Number(url.searchParams.get("year"));
  return Number.isInteger(year) && year >= 1990 && year <= 2200 ? year : undefined;
}

// A helper next to the pages: not a page itself.
export function initials(name: string): string {
  return name.slice(0, 1);
}

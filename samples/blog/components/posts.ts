// The blog's posts. A real blog would load them (the data issue adds loaders); here they are module data,
// compiled into app.wasm and rendered on the server by the same code.
export interface Post {
  slug: string;
  title: string;
  date: string;
  body: string[];
}

export const posts: Post[] = [
  {
    slug: "hello-dx",
    title: "Hello, dx",
    date: "2026-11-02",
    body: [
      "dx compiles TSX pages into templates and one WebAssembly module.",
      "The server renders each page with the same module, so the browser resumes it instead of rendering it again.",
    ],
  },
  {
    slug: "routing",
    title: "File routing with a binary trie",
    date: "2026-11-20",
    body: [
      "pages/blog/[slug].tsx is the page at /blog/:slug; its slug arrives as props.params.slug.",
      "Layouts wrap the pages of their folder, outermost first.",
    ],
  },
  {
    slug: "resumability",
    title: "Zero DOM work on load",
    date: "2026-12-01",
    body: ["The page carries a snapshot of the app's memory.", "dx.js copies it in and attaches listeners; nothing is rendered twice."],
  },
];

export function findPost(slug: string): Post | null {
  for (const p of posts) if (p.slug === slug) return p;
  return null;
}

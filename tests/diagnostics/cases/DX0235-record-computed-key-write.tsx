// A record's field is read by a computed key (all its fields of one type), but not written by one.
type Filter = "all" | "done";

export default function Page() {
  const counts: Record<Filter, number> = { all: 0, done: 0 };
  const key: Filter = "done";
  counts[key] = counts[key] + 1;
  return <h1>{counts.done}</h1>;
}

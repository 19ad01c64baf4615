function empty<T>(): T[] {
  return [];
}

export default function Page() {
  return <p>{empty().length}</p>;
}

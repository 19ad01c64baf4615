// A & B, Partial<T>, typeof: records only, parts that agree, module-level constants.
type A = { id: number };
type B = { id: string };
type Both = A & B;
type Loose = Partial<string>;

export default function Page() {
  const local = { n: 1 };
  const copy: typeof local = { n: 2 };
  return <p>{copy.n}</p>;
}

export const both = (x: Both, y: Loose) => 1;

import { useSearchParams } from "dx";

export default function Search() {
  const search = useSearchParams<{ q: string; page: number }>();
  return <h1>results for {search.q}</h1>;
}

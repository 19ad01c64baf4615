import { useParams } from "dx";

export default function Page() {
  const params = useParams();
  return <h1>a page</h1>;
}

// tools/bench/ssr: the benchmarked page (/), the 1,000-row table of components/Table.tsx.
import Table from "../components/Table";

export default function Index() {
  return <Table />;
}

// tools/bench/ssr: the same table on a dynamic route (/t/:id), which dx-server renders per request.
import Table from "../../components/Table";

export default function T(props: { params: { id: string } }) {
  return <Table />;
}

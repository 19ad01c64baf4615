// tools/bench/ssr: the React side — the same table as a React component (state and a keyed map, the
// handlers of jsfb's react-hooks), rendered with react-dom/server's renderToString. Bundled by esbuild
// (automatic JSX runtime, production builds of react and react-dom: bench.mjs).
import { useState } from 'react';
import { renderToString } from 'react-dom/server';
import { buildRows } from './data.mjs';

function Table() {
  const [data, setData] = useState(() => buildRows(1000));
  const [, setSelected] = useState(0);
  const remove = (id) => setData(data.filter((row) => row.id !== id));
  return (
    <table className="table table-hover table-striped test-data">
      <tbody>
        {data.map((row) => (
          <tr key={row.id}>
            <td className="col-md-1">{row.id}</td>
            <td className="col-md-4">
              <a onClick={() => setSelected(row.id)}>{row.label}</a>
            </td>
            <td className="col-md-1">
              <a onClick={() => remove(row.id)}>
                <span className="glyphicon glyphicon-remove" aria-hidden="true"></span>
              </a>
            </td>
            <td className="col-md-6"></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const render = () => renderToString(<Table />);

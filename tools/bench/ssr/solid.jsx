// tools/bench/ssr: the Solid side — the table of app/components/Table.tsx as a Solid component (a signal and
// <For>, the handlers of jsfb's solid-keyed), rendered with solid-js/web's renderToString. Compiled by
// babel-preset-solid (generate: "ssr", hydratable as asked) and bundled by esbuild (bench.mjs).
import { createSignal } from 'solid-js';
import { For, renderToString, generateHydrationScript } from 'solid-js/web';
import { buildRows } from './data.mjs';

function Table() {
  const [data, setData] = createSignal(buildRows(1000));
  const [, setSelected] = createSignal(0);
  const remove = (id) => setData(data().filter((row) => row.id !== id));
  return (
    <table class="table table-hover table-striped test-data">
      <tbody>
        <For each={data()}>
          {(row) => (
            <tr>
              <td class="col-md-1">{row.id}</td>
              <td class="col-md-4">
                <a onClick={() => setSelected(row.id)}>{row.label}</a>
              </td>
              <td class="col-md-1">
                <a onClick={() => remove(row.id)}>
                  <span class="glyphicon glyphicon-remove" aria-hidden="true"></span>
                </a>
              </td>
              <td class="col-md-6"></td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

export const render = () => renderToString(() => <Table />);
// What a Solid SSR server puts in <head> so the client can hydrate ('' for a non-hydratable build).
export const headScript = () => generateHydrationScript();

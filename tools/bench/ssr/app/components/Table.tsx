// tools/bench/ssr: the table every side renders — 1,000 js-framework-benchmark rows (ids 1..1000, labels
// picked from the jsfb word lists by the id, so every renderer produces the same text), with the row markup
// and handlers of samples/jsfb. Built at start with a signal and a keyed <For>, as an app would.
import { createSignal, For } from "dx";

interface Row {
  id: number;
  label: string;
}

const adjectives = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const colours = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const nouns = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

function buildData(count: number): Row[] {
  const data: Row[] = [];
  for (let id = 1; id <= count; id++) {
    data.push({ id: id, label: `${adjectives[id % adjectives.length]} ${colours[id % colours.length]} ${nouns[id % nouns.length]}` });
  }
  return data;
}

export default function Table() {
  const [data, setData] = createSignal<Row[]>(buildData(1000));
  const [selected, setSelected] = createSignal(0);
  const remove = (id: number) => setData(data().filter((row) => row.id !== id));

  return (
    <table class="table table-hover table-striped test-data">
      <tbody>
        <For each={data()} key={(row) => row.id}>
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

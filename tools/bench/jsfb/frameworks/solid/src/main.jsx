// The Solid peer for tools/bench/jsfb, written the way jsfb's solid-keyed is: rows hold a label signal,
// the list is one signal rendered by <For>, selection goes through createSelector. Built by lib/apps.mjs
// (babel-preset-solid, then esbuild bundle + minify) into the harness's build directory.
import { createSignal, createSelector, batch } from 'solid-js';
import { render, For } from 'solid-js/web';

const ADJ = ['pretty', 'large', 'big', 'small', 'tall', 'short', 'long', 'handsome', 'plain', 'quaint', 'clean',
  'elegant', 'easy', 'angry', 'crazy', 'helpful', 'mushy', 'odd', 'unsightly', 'adorable', 'important', 'inexpensive',
  'cheap', 'expensive', 'fancy'];
const COLOUR = ['red', 'yellow', 'blue', 'green', 'pink', 'brown', 'purple', 'brown', 'white', 'black', 'orange'];
const NOUN = ['table', 'chair', 'house', 'bbq', 'desk', 'car', 'pony', 'cookie', 'sandwich', 'burger', 'pizza',
  'mouse', 'keyboard'];
const pick = (words) => words[Math.round(Math.random() * 1000) % words.length];

let nextId = 1;
function makeRows(count) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const [label, setLabel] = createSignal(`${pick(ADJ)} ${pick(COLOUR)} ${pick(NOUN)}`);
    out[i] = { id: nextId++, label, setLabel };
  }
  return out;
}

const Button = (props) => (
  <div class="col-sm-6 smallpad">
    <button id={props.id} class="btn btn-primary btn-block" type="button" onClick={props.fn}>{props.text}</button>
  </div>
);

function App() {
  const [rows, setRows] = createSignal([]);
  const [selected, setSelected] = createSignal(null);
  const isSelected = createSelector(selected);
  const run = () => setRows(makeRows(1000));
  const runLots = () => setRows(makeRows(10000));
  const add = () => setRows((list) => [...list, ...makeRows(1000)]);
  const update = () => batch(() => {
    const list = rows();
    for (let i = 0; i < list.length; i += 10) list[i].setLabel((l) => l + ' !!!');
  });
  const clear = () => setRows([]);
  const swapRows = () => {
    const list = rows().slice();
    if (list.length < 999) return;
    const a = list[1];
    list[1] = list[998];
    list[998] = a;
    setRows(list);
  };
  const remove = (id) => setRows((list) => {
    const at = list.findIndex((row) => row.id === id);
    return at < 0 ? list : [...list.slice(0, at), ...list.slice(at + 1)];
  });

  return (
    <div class="container">
      <div class="jumbotron"><div class="row">
        <div class="col-md-6"><h1>SolidJS keyed</h1></div>
        <div class="col-md-6"><div class="row">
          <Button id="run" text="Create 1,000 rows" fn={run} />
          <Button id="runlots" text="Create 10,000 rows" fn={runLots} />
          <Button id="add" text="Append 1,000 rows" fn={add} />
          <Button id="update" text="Update every 10th row" fn={update} />
          <Button id="clear" text="Clear" fn={clear} />
          <Button id="swaprows" text="Swap Rows" fn={swapRows} />
        </div></div>
      </div></div>
      <table class="table table-hover table-striped test-data"><tbody>
        <For each={rows()}>{(row) => {
          const id = row.id;
          return (
            <tr class={isSelected(id) ? 'danger' : undefined}>
              <td class="col-md-1" textContent={id} />
              <td class="col-md-4"><a onClick={[setSelected, id]} textContent={row.label()} /></td>
              <td class="col-md-1"><a onClick={[remove, id]}><span class="glyphicon glyphicon-remove" aria-hidden="true" /></a></td>
              <td class="col-md-6" />
            </tr>
          );
        }}</For>
      </tbody></table>
      <span class="preloadicon glyphicon glyphicon-remove" aria-hidden="true" />
    </div>
  );
}

render(App, document.getElementById('main'));

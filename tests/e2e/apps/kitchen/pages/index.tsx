import { createSignal, createMemo, createEffect, createSelector, batch, onMount, For, Show } from "dx";
import Badge from "../components/Badge";
import Card from "../components/Card";
import Chip from "../components/Chip";

interface Row {
  id: number;
  label: string;
}
interface Group {
  title: string;
  items: string[];
}

const STEP = 0.1;

function label(n: number): string {
  return n % 2 === 0 ? `even ${n}` : `odd ${n}`;
}

export default function Kitchen() {
  const [n, setN] = createSignal(0);
  const [name, setName] = createSignal("ab");
  const [rows, setRows] = createSignal<Row[]>([]);
  const [selected, setSelected] = createSignal(0);
  const [groups, setGroups] = createSignal<Group[]>([{ title: "g1", items: ["a", "b"] }]);
  let nextId = 1;

  const [pick, setPick] = createSignal(1);
  const isPicked = createSelector(pick);
  const [picked, setPicked] = createSignal("");

  const [parity, setParity] = createSignal("?");
  const [mounted, setMounted] = createSignal("no");
  const [effectRuns, setEffectRuns] = createSignal(0);
  let runs = 0;
  createEffect(() => {
    setParity(n() % 2 === 0 ? "even" : "odd");
    runs = runs + 1;
    setEffectRuns(runs);
  });
  onMount(() => setMounted("yes"));
  const doubled = createMemo(() => n() * 2);
  const quadrupled = createMemo(() => doubled() * 2);
  const total = createMemo(() => rows().map((r) => r.id).length + n());

  const addRows = (count: number) => {
    const next = rows().map((r) => r);
    let i = 0;
    while (i < count) {
      next.push({ id: nextId, label: label(nextId) });
      nextId = nextId + 1;
      i = i + 1;
    }
    setRows(next);
  };
  const swap = () => {
    const r = rows().map((x) => x);
    if (r.length > 2) {
      const a = r[0];
      r[0] = r[r.length - 1];
      r[r.length - 1] = a;
      setRows(r);
    }
  };

  return (
    <div id="kitchen">
      <p id="nums">
        {n()} {doubled()} {quadrupled()} {n() * STEP} {1 / 3} {0.1 + 0.2} {-0} {1 / 0} {-1e21} {123456789012345680000}
      </p>
      {/* each a text that is one number: printed by the host (TEXT_NUM), by dx-server's prerender at first */}
      <p id="one-nums">
        <b>{n()}</b><b>{n() * 0.1}</b><b>{-0 * n()}</b><b>{n() / 0}</b><b>{0 / 0 + n()}</b><b>{n() * 1e21}</b><b>{(n() + 1) * 5e-7}</b><b>{1 / 3}</b><b>{-1e-7}</b>
      </p>
      <p id="math">
        {Math.round(2.5)} {Math.round(-2.5)} {Math.floor(-1.5)} {Math.ceil(1.2)} {Math.abs(-3)} {Math.min(4, n(), 9)} {Math.max(1, 2, 3)} {Math.sign(-7)} {7 % 3} {-7 % 3} {5.5 % 2}
      </p>
      <p id="strings">
        {`n=${n()} ok=${n() > 1} name=${name()}`} {"b" < "a" ? "lt" : "ge"} {name() === "ab" ? "same" : "diff"} {label(3)} {"x" + 1 + true}
      </p>
      <Badge label={name()} count={n()} hot={n() > 2} />
      <button id="inc" disabled={n() >= 5} onClick={() => setN(n() + 1)}>
        inc
      </button>
      <button id="rename" onClick={() => setName(name() + "c")}>
        rename
      </button>
      <button id="add" onClick={() => addRows(3)}>
        add
      </button>
      <button id="swap" onClick={swap}>
        swap
      </button>
      <button id="clear" onClick={() => setRows([])}>
        clear
      </button>
      <p id="total">{total()}</p>
      <div id="cards">
        <Card title={"n is " + n()} subtitle={name()}>
          <p id="card-body">
            inside: {n()} {name()}
          </p>
        </Card>
        <Card title="empty" />
      </div>
      <p id="effects">
        {parity()} {mounted()} {effectRuns()}
      </p>
      <table>
        <tbody id="rows">
          <For each={rows()}>
            {(row) => (
              <tr class={selected() === row.id ? "danger" : ""}>
                <td>{row.id}</td>
                <td>
                  <a class="select" onClick={() => setSelected(row.id)}>
                    {row.label}
                  </a>
                </td>
                <td>
                  <a class="remove" onClick={() => setRows(rows().filter((r) => r.id !== row.id))}>
                    x
                  </a>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div id="groups">
        <For each={groups()}>
          {(g) => (
            <section>
              <h3>{g.title}</h3>
              <ul>
                <For each={g.items}>{(it) => <li>{it + "!"}</li>}</For>
              </ul>
              <Show when={g.items.length > 2} fallback={<em>short</em>}>
                <strong>long</strong>
              </Show>
            </section>
          )}
        </For>
      </div>
      <ul id="picks">
        <For each={[1, 2, 3]}>
          {(k) => (
            <li class={isPicked(k) ? "picked" : ""} onClick={() => batch(() => { setPick(k); setPicked("p" + k); })}>
              {k}
            </li>
          )}
        </For>
      </ul>
      <p id="picked">{picked()}</p>
      <div id="chips">
        <Chip label="x" onPress={(l) => { setPicked(`chip ${l}`); return l.length; }} />
        <Chip label="y" />
      </div>
      <button id="grow" onClick={() => setGroups([...groups(), { title: "g" + (groups().length + 1), items: ["x", "y", "z"] }])}>
        grow
      </button>
    </div>
  );
}

// The control-flow components in a browser (tests/e2e/control.test.mjs): <Index>, <Switch>/<Match>,
// <Portal>, <Dynamic>, a recursive component over a recursive record, <For> rows with an index, and the same
// control flow written as JSX expressions (&&, ternaries, .map).
import { createSignal, createMemo, untrack, For, Index, Show, Switch, Match, Portal, Dynamic } from "dx";
import Runner from "../components/Runner";
import Red from "../components/Red";
import Blue from "../components/Blue";
import TreeView, { Tree } from "../components/TreeView";
import Badge from "../components/Badge";
import Ticker from "../components/Ticker";
import Pill from "../components/Pill";
import Chip from "../components/Chip";
import Tags from "../components/Tags";
import Loader from "../components/Loader";

// `t` again, with a new kid `under + "." + n` under the node named `under`.
function grow(t: Tree, under: string, n: number): Tree {
  const kids = t.kids.map((k) => grow(k, under, n));
  return { name: t.name, kids: t.name === under ? [...kids, { name: under + "." + n, kids: [] }] : kids };
}

enum Tone { Calm, Loud = 5 }
enum Mood { Happy = "happy", Sad = "sad" }

export default function Control() {
  const [items, setItems] = createSignal<string[]>(["a", "b", "c"]);
  const [words, setWords] = createSignal<string[]>(["p", "q", "r", "s"]);
  const [added, setAdded] = createSignal(0);
  const [user, setUser] = createSignal<{ name: string } | null>(null);
  const [level, setLevel] = createSignal(0);
  const [notes, setNotes] = createSignal<string[]>(["x", "y"]);
  const [ticking, setTicking] = createSignal(true);
  const [people, setPeople] = createSignal<{ name: string; age: number }[]>([{ name: "ann", age: 31 }, { name: "bo", age: 4 }]);
  const [gone, setGone] = createSignal(0);

  const [mode, setMode] = createSignal(0);
  const [tick, setTick] = createSignal(0);
  const [runsA, setRunsA] = createSignal(0);
  const [runsB, setRunsB] = createSignal(0);
  const [runsC, setRunsC] = createSignal(0);

  const [open, setOpen] = createSignal(false);
  const [clicks, setClicks] = createSignal(0);

  const [kind, setKind] = createSignal(0);
  const [tree, setTree] = createSignal<Tree>({ name: "r", kids: [{ name: "r.1", kids: [] }] });
  const [grown, setGrown] = createSignal(1);
  const [label, setLabel] = createSignal("x");
  const [entered, setEntered] = createSignal(0);
  const [ua, setUa] = createSignal(1);
  const [ub, setUb] = createSignal(10);
  const usum = createMemo(() => ua() + untrack(() => ub() * 2));

  return (
    <main>
      <section>
        <input id="enter-box" onKeyDown={(e) => e.key === "Enter" && setEntered(entered() + 1)} />
        <span id="entered">{entered()}</span>
        <button id="ua" onClick={() => setUa(ua() + 1)}>a</button>
        <button id="ub" onClick={() => setUb(ub() + 1)}>b</button>
        <span id="usum">{usum()}</span> <span id="ub-untracked">{untrack(() => ub())}</span> <span id="ub-now">{ub()}</span>
      </section>
      <section>
        <ul id="idx">
          <Index each={items()}>{(item, i) => <li>{i}:{item()}</li>}</Index>
        </ul>
        <button id="idx-set" onClick={() => setItems(items().map((s, k) => (k === 1 ? s.toUpperCase() : s)))}>set</button>
        <button id="idx-grow" onClick={() => setItems([...items(), "n" + items().length])}>grow</button>
        <button id="idx-shrink" onClick={() => setItems(items().slice(0, items().length - 2))}>shrink</button>
      </section>
      <section>
        <ul id="fori">
          <For each={words()}>
            {(w, i) => <li class={i() % 2 === 0 ? "even" : "odd"} onClick={() => setWords(words().filter((_, j) => j !== i()))}>{i()}.{w}</li>}
          </For>
        </ul>
        <button id="fori-pre" onClick={() => { setAdded(added() + 1); setWords(["n" + added(), ...words()]); }}>prepend</button>
        <button id="fori-rev" onClick={() => setWords([...words()].reverse())}>reverse</button>
      </section>
      <section id="expr">
        <p id="who">{user() ? <b>signed in</b> : <i>anonymous</i>}</p>
        <p id="lvl">{level() === 0 ? <span>zero</span> : level() === 1 ? <span>one</span> : null}</p>
        <p id="hello">{user() !== null && <em>hello</em>}</p>
        <p id="acc"><Show when={user()} fallback={<i>nobody</i>}>{(u) => <b>{u().name}</b>}</Show></p>
        <ul id="empty"><For each={notes().filter((x) => x.length > 5)} fallback={<li class="none">no long notes</li>}>{(n) => <li>{n}</li>}</For></ul>
        <ul id="people"><For each={people()}>{({ name, age }) => <li>{name}: {age}</li>}</For></ul>
        <p id="names">{people().map(({ name }, i) => <b>{i}{name}</b>)}</p>
        <button id="person" onClick={() => setPeople([{ name: "zed", age: 9 }, ...people()])}>person</button>
        <p id="pill"><Pill text={`lvl ${level()}`} hot={level() > 0} /></p>
        <Tags />
        <Loader />
        <p id="chip"><Chip text={`lvl ${level()}`} hot={level() > 0} size={level() > 0 ? 5 : undefined} /></p>
        <p id="pill2"><Pill text="x" hot={false} size={level() > 0 ? undefined : 7} tag="i" /></p>
        <p id="sorted">{["banana", "Apple", "apple", "Cherry", "éclair", "_x"].sort((a, b) => a.localeCompare(b)).join(" ")}</p>
        <p id="tone" class={level() > 0 ? Mood.Happy : Mood.Sad}>{level() > 0 ? Tone.Loud : Tone.Calm}</p>
        <ol id="notes">{notes().map((n, i) => <li title={n}>{i}:{n}{i === 0 ? <b>*</b> : null}</li>)}</ol>
        <div id="badges">
          <Badge label="plain" hot={false} />
          <Badge label="hot" note={notes()[0]} hot={level() > 0}>+</Badge>
        </div>
        <button id="login" onClick={() => setUser(user() ? null : { name: "ann" })}>login</button>
        <button id="level" onClick={() => setLevel((level() + 1) % 3)}>level</button>
        <button id="note-pre" onClick={() => setNotes(["n" + notes().length, ...notes()])}>note</button>
        <button id="note-long" onClick={() => setNotes([...notes(), "a long one"])}>long</button>
      </section>
      <section id="timers">
        {ticking() && <Ticker every={20} onGone={() => setGone(gone() + 1)} />}
        <button id="ticking" onClick={() => setTicking(!ticking())}>ticking</button>
        <span id="gone">{gone()}</span>
      </section>
      <section>
        <div id="switch">
          <Switch fallback={<p class="none">none</p>}>
            <Match when={mode() === 0}><Runner name="A" tick={tick()} onRun={() => setRunsA(runsA() + 1)} /></Match>
            <Match when={mode() === 1}><Runner name="B" tick={tick()} onRun={() => setRunsB(runsB() + 1)} /></Match>
            <Match when={mode() === 2}><Runner name="C" tick={tick()} onRun={() => setRunsC(runsC() + 1)} /></Match>
          </Switch>
        </div>
        <p id="runs">{runsA()} {runsB()} {runsC()}</p>
        <button id="mode" onClick={() => setMode((mode() + 1) % 4)}>mode</button>
        <button id="tick" onClick={() => setTick(tick() + 1)}>tick</button>
      </section>
      <section>
        <button id="open" onClick={() => setOpen(!open())}>open</button>
        <Show when={open()}>
          <p id="owner">owner</p>
          <Portal mount={document.getElementById("overlay")}>
            <p id="portal-text">clicked {clicks()}</p>
            <button id="portal-btn" onClick={() => setClicks(clicks() + 1)}>click</button>
          </Portal>
          <Portal><p id="body-portal">in body</p></Portal>
        </Show>
      </section>
      <section>
        <div id="dyn">
          <Dynamic component={kind() === 0 ? Red : kind() === 1 ? Blue : "em"} label={label()} />
        </div>
        <button id="kind" onClick={() => setKind((kind() + 1) % 3)}>kind</button>
        <button id="label" onClick={() => setLabel(label() + "y")}>label</button>
      </section>
      <section>
        <ul id="tree">
          <TreeView node={tree()} onAdd={(name) => { setGrown(grown() + 1); setTree(grow(tree(), name, grown())); }} />
        </ul>
      </section>
    </main>
  );
}

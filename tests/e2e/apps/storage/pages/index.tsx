import { createSignal } from "dx";

function saved(): string {
  const v = localStorage.getItem("dx-note");
  return v === null ? "(none)" : v;
}

export default function Storage() {
  const [note, setNote] = createSignal(saved());
  const save = () => {
    localStorage.setItem("dx-note", note() + "+é😀");
    setNote(saved());
  };
  const forget = () => {
    localStorage.removeItem("dx-note");
    setNote(saved());
  };
  return (
    <main>
      <p id="note">{note()}</p>
      <button id="save" onClick={save}>save</button>
      <button id="forget" onClick={forget}>forget</button>
    </main>
  );
}

import { createSignal, createMemo, For, Show } from "dx";
import TodoItem from "../components/TodoItem";
import type { Todo } from "../components/types";

export default function App() {
  const [todos, setTodos] = createSignal<Todo[]>([]);
  const [draft, setDraft] = createSignal("");
  let nextId = 1;

  const remaining = createMemo(() => todos().filter((t) => !t.done).length);

  const add = () => {
    const text = draft();
    if (text === "") return;
    setTodos([...todos(), { id: nextId, text: text, done: false }]);
    nextId = nextId + 1;
    setDraft("");
  };
  const toggle = (id: number) => {
    setTodos(todos().map((t) => (t.id === id ? { ...t, done: !t.done } : t)));
  };
  const remove = (id: number) => {
    setTodos(todos().filter((t) => t.id !== id));
  };

  return (
    <section class="todoapp">
      <h1>todos</h1>
      <div class="new">
        <input
          id="new-todo"
          placeholder="What needs to be done?"
          value={draft()}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") add();
          }}
        />
        <button id="add" onClick={add}>
          Add
        </button>
      </div>
      <ul class="todo-list">
        <For each={todos()}>
          {(todo) => <TodoItem todo={todo} onToggle={() => toggle(todo.id)} onDelete={() => remove(todo.id)} />}
        </For>
      </ul>
      <Show when={todos().length > 0} fallback={<p class="empty">Nothing to do.</p>}>
        <p class="count">
          <strong>{remaining()}</strong> {remaining() === 1 ? "item" : "items"} left
        </p>
      </Show>
    </section>
  );
}

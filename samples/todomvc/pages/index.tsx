import { createSignal, createMemo, createEffect, onMount, For, Show } from "dx";
import TodoItem from "../components/TodoItem";
import type { Todo } from "../components/types";

// The todos are kept in localStorage under this key, as JSON: [{"id":1,"title":"…","completed":false}].
const STORAGE_KEY = "todos-dx";

// JSON.parse checks the stored text against Todo[] as it parses (dx has no try/catch yet: a value of another
// shape would throw at start; only this app writes the key).
function loadTodos(): Todo[] {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === null ? [] : JSON.parse(saved);
}

// The filter is the URL hash: #/ (all), #/active, #/completed.
function filterFromHash(): string {
  const hash = window.location.hash;
  if (hash === "#/active") return "active";
  if (hash === "#/completed") return "completed";
  return "all";
}

export default function App() {
  const [todos, setTodos] = createSignal<Todo[]>(loadTodos());
  const [filter, setFilter] = createSignal(filterFromHash());
  const [draft, setDraft] = createSignal("");
  let nextId = todos().reduce((max, t) => Math.max(max, t.id), 0) + 1;

  createEffect(() => localStorage.setItem(STORAGE_KEY, JSON.stringify(todos())));
  onMount(() => {
    window.addEventListener("hashchange", () => setFilter(filterFromHash()));
  });

  const remaining = createMemo(() => todos().filter((t) => !t.completed).length);
  const completedCount = createMemo(() => todos().length - remaining());
  const shown = createMemo(() => {
    const f = filter();
    return todos().filter((t) => f === "all" || (f === "completed" ? t.completed : !t.completed));
  });

  const add = () => {
    const title = draft().trim();
    if (title === "") return;
    setTodos([...todos(), { id: nextId, title: title, completed: false }]);
    nextId = nextId + 1;
    setDraft("");
  };
  const toggle = (id: number) => setTodos(todos().map((t) => (t.id === id ? { ...t, completed: !t.completed } : t)));
  const toggleAll = (completed: boolean) => setTodos(todos().map((t) => ({ ...t, completed: completed })));
  const save = (id: number, title: string) => setTodos(todos().map((t) => (t.id === id ? { ...t, title: title } : t)));
  const destroy = (id: number) => setTodos(todos().filter((t) => t.id !== id));
  const clearCompleted = () => setTodos(todos().filter((t) => !t.completed));

  return (
    <section class="todoapp">
      <header class="header">
        <h1>todos</h1>
        <input
          class="new-todo"
          placeholder="What needs to be done?"
          autofocus
          value={draft()}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") add();
          }}
        />
      </header>
      <Show when={todos().length > 0}>
        <section class="main">
          <input
            id="toggle-all"
            class="toggle-all"
            type="checkbox"
            checked={remaining() === 0}
            onChange={(e) => toggleAll(e.currentTarget.checked)}
          />
          <label for="toggle-all">Mark all as complete</label>
          <ul class="todo-list">
            <For each={shown()}>
              {(todo) => (
                <TodoItem
                  todo={todo}
                  onToggle={() => toggle(todo.id)}
                  onDestroy={() => destroy(todo.id)}
                  onSave={(title) => save(todo.id, title)}
                />
              )}
            </For>
          </ul>
        </section>
        <footer class="footer">
          <span class="todo-count">
            <strong>{remaining()}</strong> {remaining() === 1 ? "item" : "items"} left
          </span>
          <ul class="filters">
            <li>
              <a href="#/" class={filter() === "all" ? "selected" : ""}>All</a>
            </li>
            <li>
              <a href="#/active" class={filter() === "active" ? "selected" : ""}>Active</a>
            </li>
            <li>
              <a href="#/completed" class={filter() === "completed" ? "selected" : ""}>Completed</a>
            </li>
          </ul>
          <Show when={completedCount() > 0}>
            <button class="clear-completed" onClick={clearCompleted}>
              Clear completed
            </button>
          </Show>
        </footer>
      </Show>
    </section>
  );
}

import { createSignal, Show } from "dx";
import type { Todo } from "./types";

interface TodoItemProps {
  todo: Todo;
  onToggle: () => void;
  onDestroy: () => void;
  onSave: (title: string) => void;
}

// One row of the list. Double-clicking the label opens the edit field (focused by `autofocus`): Enter or
// leaving the field saves the trimmed title (an empty title deletes the todo), Escape cancels.
export default function TodoItem(props: TodoItemProps) {
  const [editing, setEditing] = createSignal(false);
  const save = (value: string) => {
    if (!editing()) return; // the blur that follows Enter or Escape
    setEditing(false);
    const title = value.trim();
    if (title === "") props.onDestroy();
    else props.onSave(title);
  };
  return (
    <li classList={{ completed: props.todo.completed, editing: editing() }}>
      <div class="view">
        <input class="toggle" type="checkbox" checked={props.todo.completed} onChange={() => props.onToggle()} />
        <label onDblClick={() => setEditing(true)}>{props.todo.title}</label>
        <button class="destroy" onClick={() => props.onDestroy()} />
      </div>
      <Show when={editing()}>
        <input
          class="edit"
          value={props.todo.title}
          autofocus
          onBlur={(e) => save(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") save(e.currentTarget.value);
            else if (e.key === "Escape") setEditing(false);
          }}
        />
      </Show>
    </li>
  );
}

import type { Todo } from "./types";

interface TodoItemProps {
  todo: Todo;
  onToggle: () => void;
  onDelete: () => void;
}

// One row of the list. Its handlers call the closures the parent passed in.
export default function TodoItem(props: TodoItemProps) {
  return (
    <li class="todo" classList={{ done: props.todo.done }}>
      <input class="toggle" type="checkbox" checked={props.todo.done} onClick={() => props.onToggle()} />
      <span class="text">{props.todo.text}</span>
      <button class="delete" aria-label={`Delete ${props.todo.text}`} onClick={() => props.onDelete()}>
        ×
      </button>
    </li>
  );
}

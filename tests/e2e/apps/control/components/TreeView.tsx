import { For } from "dx";

// A recursive record rendered by a recursive component: each node renders its kids with TreeView.
export interface Tree {
  name: string;
  kids: Tree[];
}

export default function TreeView(props: { node: Tree; onAdd: (name: string) => void }) {
  return (
    <li class="node">
      <span>{props.node.name}</span>
      <button class="add" onClick={() => props.onAdd(props.node.name)}>+</button>
      <ul>
        <For each={props.node.kids}>{(k) => <TreeView node={k} onAdd={props.onAdd} />}</For>
      </ul>
    </li>
  );
}

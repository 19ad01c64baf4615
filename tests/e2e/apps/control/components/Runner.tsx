// A <Switch> branch: its effect reports every run to the page (onRun), so the page shows which branches'
// effects are still alive after switching.
interface RunnerProps {
  name: string;
  tick: number;
  onRun: () => void;
}

export default function Runner(props: RunnerProps) {
  createEffect(() => {
    if (props.tick >= 0) props.onRun();
  });
  return <p class="runner">{props.name} at {props.tick}</p>;
}

import { createEffect } from "dx";

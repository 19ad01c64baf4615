// JSX control flow written as expressions (tests/e2e/control.test.mjs): `&&` on an optional prop (narrowed
// inside), a ternary with a null branch, a style object.
import type { JSX } from "dx";

interface BadgeProps {
  label: string;
  note?: string;
  hot: boolean;
  children?: JSX.Element;
}

export default function Badge(props: BadgeProps) {
  return (
    <span class="badge" style={{ color: props.hot ? "red" : "gray", "font-weight": props.hot ? 700 : undefined }}>
      {props.label}
      {props.note && <i class="note">{props.note.toUpperCase()}</i>}
      {props.hot ? <b class="flame">!</b> : null}
      {props.children}
    </span>
  );
}

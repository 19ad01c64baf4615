import { useParams } from "dx";

// A catch-all: /docs/a/b gives rest = "a/b".
export default function Docs() {
  const params = useParams<{ rest: string }>();
  return (
    <div class="docs">
      <h1>Docs</h1>
      <p>
        You asked for <code>{params.rest}</code>.
      </p>
    </div>
  );
}

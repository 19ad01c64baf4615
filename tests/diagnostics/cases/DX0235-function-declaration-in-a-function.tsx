// Function declarations are hoisted at module level and in a component body (handlers written as
// `function onClick() { … }`); inside another function they are refused with the const form.
function outer(): number {
  function inner(): number {
    return 1;
  }
  return 2;
}

export default function Page() {
  return <p>{outer()}</p>;
}

// Object.keys of a record lists its keys in the order its object literals write them; literals that write them
// in different orders have no one order.
function a(): { x: number; y: number } {
  return { x: 1, y: 2 };
}
function b(): { x: number; y: number } {
  return { y: 3, x: 4 };
}

export default function Page() {
  return <h1>{Object.keys(a()).join()}{Object.keys(b()).join()}</h1>;
}

// An enum is read by member (Color.Red, Color["Red"]) or, when its values are numbers, by value (Color[n],
// the member's name); a string enum has no reverse mapping, and the enum itself is not a value.
enum Dir { Up = "UP", Down = "DOWN" }
enum Color { Red, Green }

export default function Page() {
  const i = 1;
  return <p>{Dir[i]} {Color["Purple"]} {Color[i > 0]} {String(Color)}</p>;
}

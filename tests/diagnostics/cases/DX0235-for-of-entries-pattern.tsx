// for…of over xs.entries() binds names: [i, x] (a hole skips one), no defaults or rest.
export default function Page() {
  const xs = ["a", "b"];
  let out = "";
  for (const [i, x = "?"] of xs.entries()) out += i + x;
  return <h1>{out}</h1>;
}

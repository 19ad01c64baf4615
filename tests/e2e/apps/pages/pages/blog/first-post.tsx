import Nav from "../../components/Nav";

export default function FirstPost() {
  return (
    <main>
      <Nav />
      <article>
        <h1>First post</h1>
        <p>Written in TSX, served as HTML, resumed by dx.js.</p>
      </article>
    </main>
  );
}

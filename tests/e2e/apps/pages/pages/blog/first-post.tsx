import Nav from "../../components/Nav";
import Go from "../../components/Go";

export default function FirstPost() {
  return (
    <main>
      <Nav />
      <Go />
      <article>
        <h1>First post</h1>
        <p>Written in TSX, served as HTML, resumed by dx.js.</p>
      </article>
    </main>
  );
}

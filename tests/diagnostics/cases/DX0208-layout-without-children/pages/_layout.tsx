// A layout must render the page: this one has no children prop.
export default function Frame() {
  return <div class="frame">nothing inside</div>;
}

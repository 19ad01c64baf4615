// A page that reads a POSTed form (useFormData): dx-server renders it per request, for a POST with the form's
// fields; with JavaScript on, dx.js sends the form itself and the answer resumes (tests/e2e/forms.test.mjs).
import { createSignal, useFormData } from "dx";

export default function Contact() {
  const form = useFormData<{ name: string; topic: string }>();
  const [likes, setLikes] = createSignal(0);
  return (
    <main>
      <h1 id="sent">{form.name === "" ? "Nothing sent yet" : `Thanks, ${form.name}!`}</h1>
      <p id="topic">topic: {form.topic}</p>
      <form id="contact-form" method="post" action="/contact">
        <input id="name" name="name" value={form.name} />
        <input type="hidden" name="topic" value="a+b & c=d" />
        <button id="send" type="submit">Send</button>
      </form>
      <button id="like" onClick={() => setLikes(likes() + 1)}>likes: {likes()}</button>
    </main>
  );
}

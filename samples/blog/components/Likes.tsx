import { createSignal } from "dx";

// A small interactive island on every post: proves the page resumed and its handlers work.
export default function Likes() {
  const [likes, setLikes] = createSignal(0);
  return (
    <button class="likes" onClick={() => setLikes(likes() + 1)}>
      {likes() === 1 ? "1 like" : `${likes()} likes`}
    </button>
  );
}

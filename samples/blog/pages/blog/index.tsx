import PostList from "../../components/PostList";

export default function Blog() {
  return (
    <div>
      <h1>All posts</h1>
      <PostList class="posts" />
    </div>
  );
}

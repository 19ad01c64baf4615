import Header from "../components/Header";

export default function Page() {
  return <main><Header /></main>;
}

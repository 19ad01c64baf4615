function Badge() {
  return <span>new</span>;
}

export default function Page() {
  return <Badge>hot</Badge>;
}

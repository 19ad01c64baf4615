import { useState } from "react";

export default function Page() {
  return <p>hi</p>;
}

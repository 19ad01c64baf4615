import { useFormData } from "dx";

export default function Contact() {
  const form = useFormData<{ name: string; age: number }>();
  return <p>{form.name}</p>;
}

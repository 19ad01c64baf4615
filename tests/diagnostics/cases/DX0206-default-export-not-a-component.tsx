function title() {
  return "Todos";
}

export default title;

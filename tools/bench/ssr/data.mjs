// tools/bench/ssr: the rows every renderer shows — ids 1..count, labels from the js-framework-benchmark word
// lists picked by the id (app/components/Table.tsx builds the same ones), so all sides produce the same text.
export const ADJ = ['pretty', 'large', 'big', 'small', 'tall', 'short', 'long', 'handsome', 'plain', 'quaint', 'clean',
  'elegant', 'easy', 'angry', 'crazy', 'helpful', 'mushy', 'odd', 'unsightly', 'adorable', 'important', 'inexpensive',
  'cheap', 'expensive', 'fancy'];
export const COLOUR = ['red', 'yellow', 'blue', 'green', 'pink', 'brown', 'purple', 'brown', 'white', 'black', 'orange'];
export const NOUN = ['table', 'chair', 'house', 'bbq', 'desk', 'car', 'pony', 'cookie', 'sandwich', 'burger', 'pizza',
  'mouse', 'keyboard'];

export function buildRows(count) {
  const rows = [];
  for (let id = 1; id <= count; id++) {
    rows.push({ id, label: `${ADJ[id % ADJ.length]} ${COLOUR[id % COLOUR.length]} ${NOUN[id % NOUN.length]}` });
  }
  return rows;
}

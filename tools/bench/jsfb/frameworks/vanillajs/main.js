// The vanilla-JS peer for tools/bench/jsfb: hand-written DOM code in the manner of jsfb's vanillajs-keyed
// (a row template cloned with cloneNode, one delegated click listener, direct node moves), written for dx.
'use strict';
(function () {
  const ADJ = ['pretty', 'large', 'big', 'small', 'tall', 'short', 'long', 'handsome', 'plain', 'quaint', 'clean',
    'elegant', 'easy', 'angry', 'crazy', 'helpful', 'mushy', 'odd', 'unsightly', 'adorable', 'important', 'inexpensive',
    'cheap', 'expensive', 'fancy'];
  const COLOUR = ['red', 'yellow', 'blue', 'green', 'pink', 'brown', 'purple', 'brown', 'white', 'black', 'orange'];
  const NOUN = ['table', 'chair', 'house', 'bbq', 'desk', 'car', 'pony', 'cookie', 'sandwich', 'burger', 'pizza',
    'mouse', 'keyboard'];
  const pick = (words) => words[Math.round(Math.random() * 1000) % words.length];

  const template = document.createElement('tr');
  template.innerHTML = '<td class="col-md-1"></td><td class="col-md-4"><a></a></td><td class="col-md-1"><a>' +
    '<span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td>';

  const tbody = document.querySelector('tbody');
  let nextId = 1;
  let rows = [];          // { id, label, tr, text } in table order
  let selected = null;    // the selected row record, or null

  function appendRows(count) {
    const list = rows;
    for (let i = 0; i < count; i++) {
      const tr = template.cloneNode(true);
      const id = nextId++;
      const label = pick(ADJ) + ' ' + pick(COLOUR) + ' ' + pick(NOUN);
      const link = tr.firstChild.nextSibling.firstChild;
      tr.firstChild.textContent = id;
      link.textContent = label;
      const row = { id, label, tr, text: link.firstChild };
      tr.$row = row;
      list.push(row);
      tbody.appendChild(tr);
    }
  }

  function clear() {
    tbody.textContent = '';
    rows = [];
    selected = null;
  }

  const actions = {
    run() { clear(); appendRows(1000); },
    runlots() { clear(); appendRows(10000); },
    add() { appendRows(1000); },
    update() {
      for (let i = 0; i < rows.length; i += 10) {
        const row = rows[i];
        row.label += ' !!!';
        row.text.nodeValue = row.label;
      }
    },
    clear,
    swaprows() {
      if (rows.length < 999) return;
      const a = rows[1], b = rows[998];
      const after = rows.length > 999 ? rows[999].tr : null;
      tbody.insertBefore(b.tr, a.tr);
      tbody.insertBefore(a.tr, after);
      rows[1] = b;
      rows[998] = a;
    },
  };

  function select(row) {
    if (selected === row) return;
    if (selected) selected.tr.className = '';
    selected = row;
    row.tr.className = 'danger';
  }

  function remove(row) {
    const at = rows.indexOf(row);
    if (at < 0) return;
    row.tr.remove();
    rows.splice(at, 1);
    if (selected === row) selected = null;
  }

  document.getElementById('main').addEventListener('click', (e) => {
    const target = e.target;
    if (target.tagName === 'BUTTON') {
      const action = actions[target.id];
      if (action) { e.preventDefault(); action(); }
      return;
    }
    const link = target.closest('a');
    const tr = link && link.parentNode.parentNode;
    if (!tr || !tr.$row) return;
    e.preventDefault();
    if (link.parentNode.className === 'col-md-4') select(tr.$row);
    else remove(tr.$row);
  });
})();

// tools/bench/ssr: the floor — the table written by hand as one template string per row and a join, labels
// escaped as a renderer must (they are app data). No framework, no hydration data.
import { buildRows } from './data.mjs';

const special = /[&<>"]/;
const escape = (s) => (special.test(s)
  ? s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
  : s);

export function render() {
  const rows = buildRows(1000);
  const parts = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    parts[i] = `<tr><td class="col-md-1">${row.id}</td><td class="col-md-4"><a>${escape(row.label)}</a></td>` +
      '<td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td>' +
      '<td class="col-md-6"></td></tr>';
  }
  return `<table class="table table-hover table-striped test-data"><tbody>${parts.join('')}</tbody></table>`;
}

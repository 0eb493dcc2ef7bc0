// Long lists drawn a part at a time: the rows the API sent, then its next pages on request.
import { h } from "./dom.js";
import { t } from "./i18n.js";

/** Return [a "rows of total" line, a "Load more rows" button] for a table whose first `drawn` of `rows` are on
 * screen. The button draws the rest of `rows` with `draw(list)`, then fetches the API's next page with
 * `more(offset)` until `total` rows are shown, and hides itself. */
export function pager(rows, { drawn, total, more, draw }) {
  const count = h("p", { class: "muted small rows-count" });
  const button = h("button", { type: "button", class: "show-all" }, t("moreRows"));
  const refresh = () => {
    count.textContent = t("rowsOf", drawn, total);
    button.hidden = drawn >= total || (drawn >= rows.length && !more);
  };
  button.addEventListener("click", async () => {
    if (drawn >= rows.length) {
      button.disabled = true;
      try {
        rows.push(...(await more(rows.length)));
      } finally {
        button.disabled = false;
      }
    }
    draw(rows.slice(drawn));
    drawn = rows.length;
    refresh();
  });
  refresh();
  return [count, button];
}

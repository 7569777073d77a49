// Sort a table by a clicked header: numbers by data-value, text the Vietnamese way.
(() => {
  "use strict";
  document.querySelectorAll("table.sortable").forEach((table) => {
    table.querySelectorAll("th[data-sort]").forEach((th, index) => {
      th.addEventListener("click", () => {
        const body = table.tBodies[0];
        const descending = th.dataset.dir !== "desc";
        th.dataset.dir = descending ? "desc" : "asc";
        const key = (row) => row.children[index].dataset.value ?? row.children[index].textContent;
        const rows = [...body.rows].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const order = th.dataset.sort === "number"
            ? Number(x) - Number(y) : x.localeCompare(y, "vi");
          return descending ? -order : order;
        });
        rows.forEach((row) => body.appendChild(row));
      });
    });
  });
})();

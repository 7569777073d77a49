// Narrow a unit <select> or checklist to the units whose name matches what is typed,
// ignoring diacritics and case ("so khoa hoc" finds "Sở Khoa học và Công nghệ").
(function () {
  "use strict";
  function fold(text) {
    return text.replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  function items(target) {
    if (target.tagName === "SELECT") {
      return Array.from(target.options).filter(function (o) { return o.value !== ""; })
        .map(function (o) { return { node: o, text: o.text, keep: function () { return o.selected; } }; });
    }
    return Array.from(target.querySelectorAll("input[type=checkbox]")).map(function (box) {
      var row = box.closest("div") || box.parentNode;
      return { node: row, text: row.textContent, keep: function () { return box.checked; } };
    });
  }
  function init(input) {
    var target = document.getElementById(input.dataset.filterTarget);
    if (!target) { return; }
    var list = items(target);
    list.forEach(function (item) { item.folded = fold(item.text); });
    input.addEventListener("input", function () {
      var query = fold(input.value);
      list.forEach(function (item) {
        item.node.hidden = query !== "" && !item.keep() && item.folded.indexOf(query) === -1;
      });
    });
  }
  function initCheckShown(button) {
    button.addEventListener("click", function () {
      var target = document.getElementById(button.dataset.filterTarget);
      if (!target) { return; }
      target.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        var row = box.closest("div") || box.parentNode;
        if (!row.hidden) { box.checked = button.dataset.checked === "true"; }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input.unit-filter[data-filter-target]").forEach(init);
    document.querySelectorAll("button.unit-check-shown[data-filter-target]").forEach(initCheckShown);
  });
})();

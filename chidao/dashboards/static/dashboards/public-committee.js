// The public page's stacked bars per task group, from the json_script block "public-data".
// The series names are translated in the template and passed as data-label-* attributes
// of the chart element (data-label-done-on-time → dataset.labelDoneOnTime).
(() => {
  "use strict";
  const el = document.getElementById("public-chart");
  if (!el) return;
  const rows = JSON.parse(document.getElementById("public-data").textContent);
  if (!rows.length) return;
  const chart = echarts.init(el, null, { renderer: "svg" });
  const series = [
    ["done_on_time", el.dataset.labelDoneOnTime, "#198754"],
    ["done_late", el.dataset.labelDoneLate, "#6f42c1"],
    ["in_progress", el.dataset.labelInProgress, "#0d6efd"],
    ["overdue", el.dataset.labelOverdue, "#dc3545"],
    ["ongoing", el.dataset.labelOngoing, "#6c757d"],
  ];
  chart.setOption({ animation: false, tooltip: { trigger: "axis" }, legend: { bottom: 0 },
    grid: { left: 240, right: 20, top: 10, bottom: 60 },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: rows.map((r) => r.label), axisLabel: { width: 220, overflow: "truncate" } },
    series: series.map(([key, name, color]) => ({ type: "bar", stack: "all", name, color,
      data: rows.map((r) => r[key]) })) });
  window.addEventListener("resize", () => chart.resize());
})();

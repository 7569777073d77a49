// The committee dashboard: heat map (units × task groups), indicator sparklines and the
// print button. Data comes from the page's json_script block "dashboard-data".
(() => {
  "use strict";
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  // The tables folded under the first screen are printed unfolded.
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details.dash-more").forEach((details) => { details.open = true; });
  });
  const data = JSON.parse(document.getElementById("dashboard-data").textContent);
  const heat = data.heatmap;
  const el = document.getElementById("heatmap-chart");
  if (el && heat.units.length) {
    el.style.height = Math.max(320, 60 + heat.units.length * 28) + "px";
    const chart = echarts.init(el, null, { renderer: "svg" });
    const max = Math.max(1, ...heat.cells.map((c) => c.overdue));
    chart.setOption({
      animation: false,
      tooltip: { formatter: (p) => `${heat.units[p.data.value[1]]} · ${heat.groups[p.data.value[0]]}<br>`
        + `${p.data.overdue} / ${p.data.assigned}` },
      grid: { left: 220, right: 20, top: 10, bottom: 60 },
      xAxis: { type: "category", data: heat.groups, splitArea: { show: true } },
      yAxis: { type: "category", data: heat.units, axisLabel: { width: 200, overflow: "truncate" } },
      visualMap: { min: 0, max, calculable: false, orient: "horizontal", left: "center", bottom: 0,
        inRange: { color: ["#f8f9fa", "#f1aeb5", "#dc3545"] } },
      series: [{ type: "heatmap",
        data: heat.cells.map((c) => ({ value: [c.x, c.y, c.overdue], overdue: c.overdue, assigned: c.assigned, url: c.url })),
        label: { show: true, formatter: (p) => `${p.data.overdue}/${p.data.assigned}` } }],
    });
    chart.on("click", (p) => { if (p.data && p.data.url) window.location.href = p.data.url; });
    window.addEventListener("resize", () => chart.resize());
  }
  for (const item of data.indicators) {
    const box = document.querySelector(`[data-spark="${item.id}"]`);
    if (!box || item.values.length < 2) continue;
    const spark = echarts.init(box, null, { renderer: "svg" });
    spark.setOption({ animation: false, grid: { left: 2, right: 2, top: 2, bottom: 2 },
      xAxis: { type: "category", show: false, data: item.values.map((_, i) => i) },
      yAxis: { type: "value", show: false, scale: true },
      series: [{ type: "line", data: item.values, symbol: "none", lineStyle: { width: 1.5 } }] });
  }
})();

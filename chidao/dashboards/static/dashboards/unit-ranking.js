// The unit ranking's bar chart of scores, from the page's json_script block "ranking-data".
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("ranking-data").textContent).slice().reverse();
  const el = document.getElementById("ranking-chart");
  if (!el || !data.length) return;
  el.style.height = Math.max(240, 40 + data.length * 26) + "px";
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({ animation: false, grid: { left: 240, right: 40, top: 10, bottom: 30 },
    xAxis: { type: "value", max: 100 },
    yAxis: { type: "category", data: data.map((d) => d.name), axisLabel: { width: 220, overflow: "truncate" } },
    series: [{ type: "bar", data: data.map((d) => d.total), label: { show: true, position: "right",
      formatter: (p) => p.value.toFixed(1).replace(".", ",") } }] });
  window.addEventListener("resize", () => chart.resize());
})();

// The chain timeline: each task from its start to its expected (or actual) completion,
// its deadline marked, the critical path in orange. Data from json_script "chain-data".
(() => {
  "use strict";
  const rows = JSON.parse(document.getElementById("chain-data").textContent);
  const el = document.getElementById("chain-chart");
  if (!el || !rows.length) return;
  const day = (text) => (text ? new Date(text + "T00:00:00").getTime() : null);
  el.style.height = Math.max(200, 60 + rows.length * 32) + "px";
  const labels = rows.map((r) => r.label);
  const colour = (r) => (r.critical ? "#fd7e14" : r.risk === "certain_late" ? "#dc3545"
    : r.risk === "at_risk" ? "#ffc107" : "#0d6efd");
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    grid: { left: 160, right: 30, top: 10, bottom: 40 },
    xAxis: { type: "time" },
    yAxis: { type: "category", data: labels, inverse: true },
    series: [
      { type: "custom", renderItem: (params, api) => {
          const start = api.coord([api.value(1), api.value(0)]);
          const end = api.coord([api.value(2), api.value(0)]);
          const h = api.size([0, 1])[1] * 0.5;
          return { type: "rect", shape: { x: start[0], y: start[1] - h / 2,
            width: Math.max(2, end[0] - start[0]), height: h },
            style: { fill: colour(rows[params.dataIndex]) } };
        },
        encode: { x: [1, 2], y: 0 },
        data: rows.map((r, i) => [i, day(r.start), day(r.expected) || day(r.deadline)]) },
      { type: "scatter", symbol: "diamond", symbolSize: 12, itemStyle: { color: "#212529" },
        data: rows.filter((r) => r.deadline).map((r) => [day(r.deadline), r.label]) },
    ],
  });
  window.addEventListener("resize", () => chart.resize());
})();

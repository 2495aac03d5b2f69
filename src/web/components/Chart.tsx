import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * A bar or line chart of labelled counts (ECharts). The container is an image with the figures in
 * its accessible name, so screen readers get the numbers the chart shows.
 */
export function Chart({ title, kind, data, height = 260, horizontal = false }: { title: string; kind: "bar" | "line"; data: Array<{ name: string; value: number }>; height?: number; horizontal?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const names = data.map((d) => d.name);
    const category = { type: "category" as const, data: names, axisLabel: { interval: 0, width: 120, overflow: "truncate" as const } };
    const value = { type: "value" as const, minInterval: 1 };
    chart.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: horizontal ? 140 : 40, right: 20, top: 20, bottom: horizontal ? 30 : 60, containLabel: false },
      xAxis: horizontal ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: names.length > 6 ? 30 : 0 } },
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: [{ type: kind, data: data.map((d) => d.value), itemStyle: { color: "#1d5fbf" }, smooth: kind === "line" }],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [data, kind, horizontal]);
  return <div ref={ref} role="img" aria-label={`${title}：${data.map((d) => `${d.name} ${d.value}`).join("，") || "—"}`} style={{ width: "100%", height }} />;
}

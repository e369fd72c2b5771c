/**
 * The report as a bar chart: 金额 per layer, one series per group (village or visit type),
 * stacked so each bar's height is the layer's total. ECharts, registered with only what it uses.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReportGroup } from '../../../../shared/contract/medical.js';
import { FONT_STACK } from '../../lib/grid-setup.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

const PALETTE = ['#2c6e9b', '#5b9bd5', '#7fb069', '#e0a458', '#c96f6f', '#8e7cc3', '#4fb3bf', '#a3a3a3', '#d4a5a5', '#6c8ebf'];

interface LayerChartProps {
  layerFields: string[];
  groups: ReportGroup[];
}

export function LayerChart({ layerFields, groups }: LayerChartProps) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return;
    const chart = echarts.init(host.current, undefined, { renderer: 'canvas' });
    const categories = layerFields.map((f) => t(`field.${f}`));
    chart.setOption({
      color: PALETTE,
      textStyle: { fontFamily: FONT_STACK.join(',') },
      title: { text: t('ui.medical.report.chartTitle'), left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v)) },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 80, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
      yAxis: { type: 'value' },
      // Yuan with two decimals for display only; the table shows the exact sums.
      series: groups.map((g) => ({
        name: g.label,
        type: 'bar',
        stack: 'layers',
        emphasis: { focus: 'series' },
        data: layerFields.map((f) => (g.layers[f]?.amountFen ?? 0) / 100),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    // Printing lays the page out anew: the chart must fit the paper.
    const print = window.matchMedia('print');
    print.addEventListener('change', resize);
    return () => {
      window.removeEventListener('resize', resize);
      print.removeEventListener('change', resize);
      chart.dispose();
    };
  }, [layerFields, groups, t]);

  return <div ref={host} className="report-chart" role="img" aria-label={t('ui.medical.report.chartTitle')} data-testid="layer-chart" />;
}

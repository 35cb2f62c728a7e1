// Draws every [data-chart] element with ECharts from the JSON block it names.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-chart]').forEach((el) => {
    const data = JSON.parse(document.getElementById(el.dataset.source).textContent || '{}');
    // the page's language: ECharts' own Chinese or English words (toolbox, loading, number format)
    const locale = document.documentElement.lang === 'en' ? 'EN' : 'ZH';
    const chart = echarts.init(el, null, { locale: locale });
    const unit = el.dataset.unit || '';
    const option = { tooltip: { trigger: 'axis' }, grid: { left: 50, right: 20, bottom: 80 },
      xAxis: { type: 'category', data: data.categories || [], axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}' + unit } } };
    if (el.dataset.chart === 'stacked') {
      option.legend = { top: 0 };
      option.series = Object.keys(data.series || {}).map((grade) => ({
        name: (data.labels || {})[grade] || grade, type: 'bar', stack: 'grades', data: data.series[grade] }));
    } else {
      const series = { type: 'bar', data: data.values || [] };
      if (data.line !== undefined) {
        series.markLine = { symbol: 'none', data: [{ yAxis: data.line, name: data.line + unit }],
          lineStyle: { color: '#b42318', type: 'dashed' }, label: { formatter: data.line + unit } };
      }
      option.series = [series];
    }
    chart.setOption(option);
    el.dataset.rendered = 'true';
    window.addEventListener('resize', () => chart.resize());
  });
});

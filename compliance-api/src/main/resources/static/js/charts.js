// Draws the charts of a page from data attributes rendered by the server. No inline script: the pages' content
// security policy allows scripts from this origin only.
(function () {
  'use strict';
  function number(text) {
    return text === '' ? null : Number(text);
  }
  document.querySelectorAll('[data-chart="history"]').forEach(function (element) {
    if (typeof echarts === 'undefined') {
      return;
    }
    var dates = element.dataset.dates ? element.dataset.dates.split(',') : [];
    var scores = element.dataset.scores ? element.dataset.scores.split(',').map(number) : [];
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: dates },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ type: 'line', name: 'Score', data: scores, connectNulls: false, symbolSize: 4,
                 lineStyle: { color: '#0b4f8a', width: 2 }, itemStyle: { color: '#0b4f8a' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();

// Draws every chart of the page with the local Plotly bundle. Each chart's figure is a JSON
// block beside it (<script type="application/json">); without script the tables still tell.
(function () {
  "use strict";

  if (!window.Plotly) {
    return;
  }
  var config = {
    responsive: true,
    displayModeBar: false,
    displaylogo: false,
    scrollZoom: false,
    doubleClick: false
  };

  document.querySelectorAll("[data-figure]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-figure"));
    if (!source) {
      return;
    }
    var figure;
    try {
      figure = JSON.parse(source.textContent);
    } catch (error) {
      return;
    }
    window.Plotly.newPlot(element, figure.data, figure.layout, config).then(function () {
      element.classList.add("is-drawn");
    });
  });
})();

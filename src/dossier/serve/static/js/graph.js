// The actor graph: cytoscape.js over /api/graph; an edge per (source, target, CAMEO
// family), as wide as its number of timeline events.
(function () {
  "use strict";
  var el = document.getElementById("graph");
  if (!el) { return; }
  fetch(el.dataset.graph).then(function (r) { return r.json(); }).then(function (g) {
    var elements = [];
    g.nodes.forEach(function (n) {
      elements.push({ data: { id: n.id, label: n.name, type: n.type, weight: n.mentions } });
    });
    g.edges.forEach(function (e, i) {
      elements.push({ data: { id: "e" + i, source: e.source, target: e.target,
        label: e.family_name, weight: e.weight } });
    });
    var cy = cytoscape({
      container: el,
      elements: elements,
      layout: { name: "cose", animate: false, randomize: false },
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 11,
          "background-color": "#2f7d4f", "width": 18, "height": 18 } },
        { selector: "node[type = 'PLACE']", style: { "background-color": "#b03a2e" } },
        { selector: "node[type = 'ORG']", style: { "background-color": "#2c6fad" } },
        { selector: "edge", style: { "label": "data(label)", "font-size": 8, "color": "#555",
          "width": "mapData(weight, 1, 10, 1, 8)", "line-color": "#99a",
          "target-arrow-shape": "triangle", "target-arrow-color": "#99a",
          "curve-style": "bezier" } }
      ]
    });
    cy.on("tap", "node", function (evt) {
      window.location.href = "/entities/" + encodeURIComponent(evt.target.id());
    });
    el.dataset.nodes = String(cy.nodes().length);
    document.getElementById("graph-note").textContent =
      g.nodes.length + " actors, " + g.edges.length + " edges";
  });
})();

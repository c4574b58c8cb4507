// The map: the world outline from world-atlas (TopoJSON) drawn by Leaflet with no tile
// layer, and one circle per place timeline events happen at. Text goes in as text nodes.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) { return; }
  var map = L.map(el, { worldCopyJump: true, attributionControl: false }).setView([30, 20], 2);
  var list = document.getElementById("place-list");

  function popup(place) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = "/entities/" + encodeURIComponent(place.id);
    link.textContent = place.name;
    box.appendChild(link);
    var note = document.createElement("div");
    note.textContent = place.n_rows + " event(s), " + (place.first || "undated") +
      (place.last && place.last !== place.first ? " to " + place.last : "");
    box.appendChild(note);
    return box;
  }

  fetch(el.dataset.world).then(function (r) { return r.json(); }).then(function (world) {
    var land = topojson.feature(world, world.objects.countries);
    L.geoJSON(land, { style: { color: "#7a8a99", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } })
      .addTo(map);
    return fetch(el.dataset.places);
  }).then(function (r) { return r.json(); }).then(function (data) {
    var drawn = [];
    data.items.forEach(function (place) {
      var radius = 4 + 3 * Math.sqrt(place.n_rows);
      var marker = L.circleMarker([place.lat, place.lon], {
        radius: radius, color: "#b03a2e", weight: 1, fillColor: "#e74c3c", fillOpacity: 0.7,
        className: "place-marker"
      }).bindPopup(popup(place)).addTo(map);
      drawn.push(marker.getLatLng());
      var item = document.createElement("li");
      item.appendChild(popup(place));
      list.appendChild(item);
    });
    if (drawn.length > 1) { map.fitBounds(L.latLngBounds(drawn).pad(0.4)); }
    el.dataset.markers = String(drawn.length);
  });
})();

/* Situation Wiki: maps (Leaflet) and the relations graph (Cytoscape), drawn from data the generator
   put in the page. Links come from the list the site engine rendered on the same page, so the
   scripts never guess URLs. Text goes into the DOM with textContent only. Libraries are served by
   the site (assets/vendor) and loaded only on pages that need them. */
(function () {
  "use strict";
  var here = document.currentScript ? document.currentScript.src : "";
  var vendor = here.replace(/wiki\/wiki\.js(\?.*)?$/, "vendor/");

  function load(src, css) {
    return new Promise(function (resolve, reject) {
      if (css) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = css;
        document.head.appendChild(link);
      }
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function pageLinks(folder) {
    var links = {};
    var pattern = new RegExp("(^|/)" + folder + "/([a-z0-9-]+)(/|\\.html|\\.md)?$");
    document.querySelectorAll("article a[href], .md-content a[href]").forEach(function (a) {
      var m = a.getAttribute("href").match(pattern);
      if (m && !(m[2] in links)) links[m[2]] = a.getAttribute("href");
    });
    return links;
  }

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function popup(place, href) {
    var box = document.createElement("div");
    var title = document.createElement(href ? "a" : "strong");
    if (href) title.href = href;
    title.textContent = place.name;
    box.appendChild(title);
    var count = document.createElement("div");
    count.textContent = place.mentions + (place.mentions === 1 ? " article" : " articles");
    box.appendChild(count);
    if (href && place.latest && place.latest.length) {
      var list = document.createElement("ul");
      place.latest.forEach(function (article) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = href.replace(/locations\/[a-z0-9-]+/, "articles/" + article.slug);
        a.textContent = article.title;
        item.appendChild(a);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    return box;
  }

  // The tile server: window.SITUATION_WIKI_TILES (assets/wiki/tiles.js, written by the generator from mkdocs.yml's
  // extra.map_tiles), else OpenStreetMap's.
  var tiles = window.SITUATION_WIKI_TILES || {
    url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png", attribution: "© OpenStreetMap contributors"
  };

  // Offline, or with the tile server out of reach, the map is a grey box: say so, and that the markers still work.
  function watchTiles(layer, el) {
    var loaded = 0;
    layer.on("tileload", function () { loaded += 1; });
    layer.on("tileerror", function () {
      if (loaded || el.querySelector(".wiki-map__offline")) return;
      var note = document.createElement("p");
      note.className = "wiki-map__offline";
      note.setAttribute("role", "status");
      note.textContent = "The map's background could not be loaded (offline, or its tile server is out of reach). " +
        "The places are still shown, and listed below.";
      el.appendChild(note);
      el.dataset.tiles = "failed";
    });
  }

  function drawMaps(maps) {
    maps.forEach(function (el) {
      var map = L.map(el, { scrollWheelZoom: false });
      var layer = L.tileLayer(tiles.url, { maxZoom: 18, attribution: tiles.attribution }).addTo(map);
      watchTiles(layer, el);
      var style = { color: "#3949ab", weight: 1, fillColor: "#5c6bc0", fillOpacity: 0.6 };
      if (el.dataset.points) {
        var links = pageLinks("locations");
        var places = data(el.dataset.points) || [];
        places.forEach(function (place) {
          var marker = L.circleMarker([place.lat, place.lon], Object.assign({ radius: 4 + 3 * Math.sqrt(place.mentions) }, style));
          marker.bindPopup(popup(place, links[place.slug]));
          marker.addTo(map);
        });
        map.setView([35.0, 38.5], 6);
        el.dataset.markers = String(places.length);
      } else {
        var point = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
        L.circleMarker(point, Object.assign({ radius: 8 }, style)).addTo(map);
        map.setView(point, 9);
        el.dataset.markers = "1";
      }
    });
  }

  function drawGraph(el) {
    var graph = data(el.dataset.graph) || { nodes: [], edges: [] };
    var links = pageLinks("actors");
    var elements = graph.nodes.map(function (n, i) {
      return {
        data: { id: n.id, label: i < 60 ? n.label : "", size: 8 + 4 * Math.sqrt(n.mentions), href: links[n.id] || "" },
        position: { x: n.x, y: n.y }
      };
    }).concat(graph.edges.map(function (e) {
      return { data: { id: e.source + "--" + e.target, source: e.source, target: e.target, weight: e.weight } };
    }));
    // Labels in the page's own text colour: dark on light, light on dark (the theme's slate scheme).
    var cy = cytoscape({
      container: el,
      elements: elements,
      layout: { name: "preset", fit: true, padding: 20 },
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        { selector: "node", style: { width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 10,
                                     "background-color": "#3949ab", color: getComputedStyle(el).color || "#333" } },
        { selector: "edge", style: { width: "mapData(weight, 1, 20, 0.5, 6)", "line-color": "#9fa8da", opacity: 0.6 } }
      ]
    });
    cy.on("tap", "node", function (event) {
      var href = event.target.data("href");
      if (href) window.location.href = href;
    });
    el.dataset.nodes = String(cy.nodes().length);
  }

  var maps = Array.prototype.slice.call(document.querySelectorAll(".wiki-map"));
  if (maps.length) {
    load(vendor + "leaflet/leaflet.js", vendor + "leaflet/leaflet.css").then(function () { drawMaps(maps); });
  }
  var graph = document.querySelector(".wiki-graph");
  if (graph) {
    load(vendor + "cytoscape/cytoscape.min.js").then(function () { drawGraph(graph); });
  }
})();

/* Situation Wiki: maps (Leaflet), the relations graph (Cytoscape), the situation picture and previews, drawn from data
   the generator wrote. Links are made from the links the site engine rendered on the same page (urlOf), so the
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

  // Where a page of the wiki is: from a link the engine rendered on this page (the tabs link every index), so that
  // no URL is guessed whatever the engine or its use_directory_urls.
  function urlMaker() {
    var made = {};
    return function (folder, slug) {
      if (!(folder in made)) {
        made[folder] = null;
        var pattern = new RegExp("^(.*(?:^|/)" + folder + "/)(index\\.html|([a-z0-9-]+)(/|\\.html))?$");
        var anchors = document.querySelectorAll("a[href]");
        for (var i = 0; i < anchors.length && !made[folder]; i++) {
          var m = anchors[i].getAttribute("href").match(pattern);
          if (m) made[folder] = { base: m[1], html: m[2] === "index.html" || m[4] === ".html" };
        }
      }
      var at = made[folder];
      return at ? at.base + slug + (at.html ? ".html" : "/") : null;
    };
  }
  var urlOf = urlMaker();

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function popup(place, href, what) {
    var box = document.createElement("div");
    var title = document.createElement(href ? "a" : "strong");
    if (href) title.href = href;
    title.textContent = place.name;
    box.appendChild(title);
    var count = document.createElement("div");
    count.textContent = place.mentions + (place.mentions === 1 ? " article" : " articles") + (what ? " " + what : "");
    box.appendChild(count);
    if (href && place.latest && place.latest.length) {
      var list = document.createElement("ul");
      place.latest.forEach(function (article) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = urlOf("articles", article.slug) || "";
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

  // A map of places: markers sized by how many stories name each. update() draws another set (another period, or one
  // month of a replay) on the same map.
  function placeMap(el, center, zoom) {
    var map = L.map(el, { scrollWheelZoom: false });
    var layer = L.tileLayer(tiles.url, { maxZoom: 18, attribution: tiles.attribution }).addTo(map);
    watchTiles(layer, el);
    map.setView(center, zoom);
    var group = L.layerGroup().addTo(map);
    var style = { color: "#3949ab", weight: 1, fillColor: "#5c6bc0", fillOpacity: 0.6 };
    return {
      map: map,
      update: function (places, popupOf) {
        group.clearLayers();
        places.forEach(function (place) {
          var marker = L.circleMarker([place.lat, place.lon], Object.assign({ radius: 4 + 3 * Math.sqrt(place.mentions) }, style));
          if (popupOf) marker.bindPopup(popupOf(place));
          marker.addTo(group);
        });
        el.dataset.markers = String(places.length);
      }
    };
  }

  function drawMaps(maps) {
    maps.forEach(function (el) {
      if (el.dataset.points) {
        var places = data(el.dataset.points) || [];
        var view = placeMap(el, [35.0, 38.5], 6);
        var popupOf = function (place) { return popup(place, urlOf("locations", place.slug), place.period ? "in the period" : ""); };
        view.update(places, popupOf);
        if (el.dataset.period !== undefined) periodMap(el, view, places, popupOf);
      } else if (el.dataset.lat) {
        placeMap(el, [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)], 9).update(
          [{ lat: parseFloat(el.dataset.lat), lon: parseFloat(el.dataset.lon), mentions: 2 }]);
      }
    });
  }

  function drawGraph(el) {
    var graph = data(el.dataset.graph) || { nodes: [], edges: [] };
    var elements = graph.nodes.map(function (n, i) {
      return {
        data: { id: n.id, label: i < 60 ? n.label : "", size: 8 + 4 * Math.sqrt(n.mentions), href: urlOf("actors", n.id) || "" },
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

  // ---- The period: one choice shared by the dashboard, the map and the timeline. It is kept in the address
  // (?period=90, ?period=2019-01..2019-06) and for the next page (localStorage). Data: assets/wiki/situation.json and,
  // for a period of the reader's own or a replay, the years it covers (written by generator/site/situation.py).
  var assets = here.replace(/wiki\.js(\?.*)?$/, "");
  var PRESETS = [["30", "30 days"], ["90", "90 days"], ["365", "Year"], ["all", "All"]];
  var DAY = 86400000;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"];

  function stored(value) {
    try {
      if (value === undefined) return window.localStorage.getItem("wiki-period");
      window.localStorage.setItem("wiki-period", value);
    } catch (e) { /* storage off: the address still carries the period */ }
    return null;
  }
  function parsePeriod(text) {
    var m = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(text || "");
    if (m) return m[1] <= m[2] ? { p: "custom", from: m[1], to: m[2] } : { p: "custom", from: m[2], to: m[1] };
    return PRESETS.some(function (x) { return x[0] === text; }) ? { p: text } : null;
  }
  function periodText(period) { return period.p === "custom" ? period.from + ".." + period.to : period.p; }
  var asked = parsePeriod(new URLSearchParams(window.location.search).get("period"));  // a link to a period: kept for the next page
  if (asked) stored(periodText(asked));
  var period = asked || parsePeriod(stored()) || { p: "90" };
  var listeners = [];
  function setPeriod(next) {
    period = next;
    stored(periodText(next));
    var url = new URL(window.location.href);
    url.searchParams.set("period", periodText(next));
    window.history.replaceState(null, "", url.href);
    listeners.forEach(function (f) { f(period); });
  }

  var situation = null, years = {};
  function loadSituation() {
    return situation || (situation = fetch(assets + "situation.json").then(function (r) {
      if (!r.ok) throw new Error("situation.json: " + r.status);
      return r.json();
    }));
  }
  function loadYear(year) {
    return years[year] || (years[year] = fetch(assets + "situation/" + year + ".json").then(function (r) {
      return r.ok ? r.json() : { year: year, months: {}, latest: [] };
    }));
  }
  function unflat(flat) {
    var out = [], key = 0;
    for (var i = 0; i < flat.length; i += 2) { key += flat[i]; out.push([key, flat[i + 1]]); }
    return out;
  }
  function utc(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +(iso.slice(8, 10) || 1)); }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function monthKey(ms) { return iso(ms).slice(0, 7); }
  function monthName(key) { return MONTHS[+key.slice(5, 7) - 1] + " " + key.slice(0, 4); }
  function dayName(ms) { var d = new Date(ms); return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }
  function addMonths(key, n) {
    var m = +key.slice(0, 4) * 12 + +key.slice(5, 7) - 1 + n;
    return Math.floor(m / 12) + "-" + String(m % 12 + 1).padStart(2, "0");
  }
  function monthsBetween(from, to) { return (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + +to.slice(5, 7) - +from.slice(5, 7) + 1; }

  // The period in milliseconds [start, end] (days), and the one of the same length before it.
  function bounds(s, p) {
    var first = utc(s.first), last = utc(s.last);
    if (p.p === "all") return { start: first, end: last, before: null };
    if (p.p === "custom") {
      var n = monthsBetween(p.from, p.to);
      return { start: utc(p.from), end: utc(addMonths(p.to, 1)) - DAY, before: { from: addMonths(p.from, -n), to: addMonths(p.from, -1) } };
    }
    var days = +p.p;
    return { start: last - (days - 1) * DAY, end: last, before: true };
  }

  // What the period holds: {rows: [{type, slug, title, lat, lon, n, prev}], latest: [...], stories, storiesBefore}.
  function holding(s, p) {
    var b = bounds(s, p), first = utc(s.first);
    var dayCounts = unflat(s.days), stories = 0, before = 0, length = b.end - b.start;
    dayCounts.forEach(function (dc) {
      var t = first + dc[0] * DAY;
      if (t >= b.start && t <= b.end) stories += dc[1];
      else if (b.before && t < b.start && t >= b.start - length - DAY) before += dc[1];
    });
    var entity = function (i) {
      var e = s.entities[i];
      return { type: e[0], slug: e[1], title: e[2], lat: e[3], lon: e[4] };
    };
    var story = function (x) { return { time: first + x[0] * DAY, slug: x[1], title: x[2], source: x[3], about: x[4] }; };
    if (p.p !== "custom") {
      var rows = (s.periods[p.p] || []).map(function (r) { return Object.assign(entity(r[0]), { n: r[1], prev: r[2] }); });
      var latest = s.latest.map(story).filter(function (x) { return x.time >= b.start; });
      return Promise.resolve({ rows: rows, latest: latest, stories: stories, before: p.p === "all" ? null : before, bounds: b });
    }
    var from = b.before.from, wanted = [];
    for (var y = Math.max(+from.slice(0, 4), +s.first.slice(0, 4)); y <= Math.min(+p.to.slice(0, 4), +s.last.slice(0, 4)); y++) wanted.push(loadYear(y));
    return Promise.all(wanted).then(function (files) {
      var index = {};
      s.entities.forEach(function (e, i) { index[e[0] + ":" + e[1]] = i; });
      var now = {}, then = {}, latest = [];
      files.forEach(function (file) {
        Object.keys(file.months).forEach(function (key) {
          unflat(file.months[key]).forEach(function (mc) {
            var month = file.year + "-" + String(mc[0] + 1).padStart(2, "0");
            if (month >= p.from && month <= p.to) now[key] = (now[key] || 0) + mc[1];
            else if (month >= from && month < p.from) then[key] = (then[key] || 0) + mc[1];
          });
        });
        file.latest.forEach(function (x) { var st = story(x); if (st.time >= b.start && st.time <= b.end) latest.push(st); });
      });
      var rows = Object.keys(now).filter(function (k) { return k in index; }).map(function (k) {
        return Object.assign(entity(index[k]), { n: now[k], prev: then[k] || 0 });
      }).sort(function (a, c) { return c.n - a.n || (a.title < c.title ? -1 : 1); });
      latest.sort(function (a, c) { return c.time - a.time; });
      return { rows: rows, latest: latest.slice(0, 10), stories: stories, before: before, bounds: b };
    });
  }

  function periodLabel(h) {
    return dayName(h.bounds.start) + " – " + dayName(h.bounds.end);
  }


  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(folder, slug, text) {
    var href = urlOf(folder, slug);
    var a = el(href ? "a" : "span", "", text);
    if (href) a.href = href;
    return a;
  }

  // The period picker: the presets, and months from–to of the reader's own.
  function picker(box, s) {
    box.replaceChildren();
    var group = el("div", "wiki-period__choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Period");
    var buttons = PRESETS.concat([["custom", "Custom"]]).map(function (x) {
      var b = el("button", "wiki-period__choice md-button", x[1]);
      b.type = "button";
      b.dataset.period = x[0];
      group.appendChild(b);
      return b;
    });
    var custom = el("span", "wiki-period__custom");
    var inputs = ["From", "To"].map(function (name) {
      var label = el("label", "", name + " ");
      var input = el("input");
      input.type = "month";
      input.min = s.first.slice(0, 7);
      input.max = s.last.slice(0, 7);
      input.required = true;
      label.appendChild(input);
      custom.appendChild(label);
      return input;
    });
    var label = el("p", "wiki-period__label");
    label.setAttribute("aria-live", "polite");
    box.append(group, custom, label);
    function show(p) {
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.period === p.p)); });
      custom.hidden = p.p !== "custom";
      if (p.p === "custom") { inputs[0].value = p.from; inputs[1].value = p.to; }
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        if (b.dataset.period !== "custom") return setPeriod({ p: b.dataset.period });
        var to = s.last.slice(0, 7);
        setPeriod(period.p === "custom" ? period : { p: "custom", from: addMonths(to, -11), to: to });
      });
    });
    inputs.forEach(function (input) {
      input.addEventListener("change", function () {
        var p = parsePeriod(inputs[0].value + ".." + inputs[1].value);
        if (p) setPeriod(p);
      });
    });
    show(period);
    listeners.push(show);
    return label;
  }

  // Stories per week (a period up to a year) or per month, as bars.
  function chart(figure, s, h) {
    figure.replaceChildren();
    var first = utc(s.first), b = h.bounds, weekly = b.end - b.start <= 366 * DAY;
    var bins = [], byKey = {};
    if (weekly) {
      for (var t = b.start; t <= b.end; t += 7 * DAY) { var bin = { key: t, label: "Week of " + dayName(t), n: 0 }; bins.push(bin); }
    } else {
      for (var m = monthKey(b.start); m <= monthKey(b.end); m = addMonths(m, 1)) { byKey[m] = { key: m, label: monthName(m), n: 0 }; bins.push(byKey[m]); }
    }
    unflat(s.days).forEach(function (dc) {
      var time = first + dc[0] * DAY;
      if (time < b.start || time > b.end) return;
      var target = weekly ? bins[Math.floor((time - b.start) / (7 * DAY))] : byKey[monthKey(time)];
      if (target) target.n += dc[1];
    });
    var top = Math.max.apply(null, bins.map(function (x) { return x.n; }).concat([1]));
    var ns = "http://www.w3.org/2000/svg", width = 600, height = 120;
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("role", "img");
    var busiest = bins.reduce(function (a, x) { return x.n > a.n ? x : a; }, bins[0] || { n: 0, label: "" });
    svg.setAttribute("aria-label", "Articles per " + (weekly ? "week" : "month") + ", " + periodLabel(h) + ": " +
      plural(h.stories, "article") + (busiest.n ? "; the most, " + busiest.n + ", in " + busiest.label.replace("Week of", "the week of") : ""));
    var w = width / Math.max(bins.length, 1);
    bins.forEach(function (x, i) {
      var r = document.createElementNS(ns, "rect"), bar = x.n ? Math.max(2, (height - 4) * x.n / top) : 0;
      r.setAttribute("x", String(i * w + w * 0.1));
      r.setAttribute("width", String(Math.max(w * 0.8, 0.5)));
      r.setAttribute("y", String(height - bar));
      r.setAttribute("height", String(bar));
      var title = document.createElementNS(ns, "title");
      title.textContent = x.label + ": " + plural(x.n, "article");
      r.appendChild(title);
      svg.appendChild(r);
    });
    var caption = el("figcaption", "", "Articles per " + (weekly ? "week" : "month") + (bins.length ? ", " + bins[0].label.replace("Week of ", "from the week of ") + " to " + bins[bins.length - 1].label.replace("Week of ", "the week of ") : "") +
      " (highest: " + top + ")");
    figure.append(svg, caption);
    figure.dataset.bars = String(bins.length);
  }

  var TYPE_NAMES = { a: ["actors", "Actors"], l: ["locations", "Places"], g: ["agreements", "Agreements"] };
  function trend(row, h) {
    if (h.before === null) return null;
    if (!row.prev) return ["new", "new in the period"];
    if (row.n > row.prev) return ["up", "up from " + row.prev];
    if (row.n < row.prev) return ["down", "down from " + row.prev];
    return null;
  }

  // The home page's situation picture.
  function dashboard(box) {
    loadSituation().then(function (s) {
      if (!s.first) { box.hidden = true; return; }
      var head = el("div", "wiki-period");
      var summary = picker(head, s);
      var figure = el("figure", "wiki-chart");
      var grid = el("div", "wiki-dashboard__grid");
      var mapBox = el("section", "wiki-dashboard__map");
      var mapTitle = el("h2", "", "Where");
      var mapEl = el("div", "wiki-map wiki-map--period");
      mapEl.style.height = "360px";
      mapBox.append(mapTitle, mapEl);
      var latestBox = el("section", "wiki-dashboard__latest");
      var lists = {};
      grid.append(mapBox, latestBox);
      ["a", "l", "g"].forEach(function (t) { lists[t] = el("section", "wiki-dashboard__list"); grid.appendChild(lists[t]); });
      box.replaceChildren(head, figure, grid);
      // The static summary the generator wrote (for readers without scripts) gives way to this one.
      for (var next = box.nextElementSibling; next && !next.classList.contains("wiki-dashboard-end"); next = next.nextElementSibling) {
        next.hidden = true;
        var entry = next.id && document.querySelector('.md-nav--secondary a[href="#' + next.id + '"]');
        if (entry) entry.parentNode.hidden = true;                       // and its line in the table of contents
      }
      var view = null;
      var draw = function () {
        holding(s, period).then(function (h) {
          summary.textContent = periodLabel(h) + ": " + plural(h.stories, "article") +
            (h.before === null ? (s.undated ? ", and " + plural(s.undated, "undated article") : "") : " (" + h.before + " in the period before)");
          chart(figure, s, h);
          latestBox.replaceChildren(el("h2", "", "Latest articles"));
          var ul = el("ul");
          h.latest.slice(0, 10).forEach(function (x) {
            var li = el("li");
            li.append(el("span", "wiki-date", (x.about ? "about " : "") + iso(x.time) + " · "), link("articles", x.slug, x.title));
            if (x.source) li.append(el("span", "wiki-source", " · " + x.source));
            ul.appendChild(li);
          });
          latestBox.appendChild(h.latest.length ? ul : el("p", "", "No article in this period."));
          Object.keys(lists).forEach(function (t) {
            var rows = h.rows.filter(function (r) { return r.type === t; }).slice(0, 8);
            lists[t].replaceChildren(el("h2", "", TYPE_NAMES[t][1]));
            var list = el("ol");
            rows.forEach(function (r) {
              var li = el("li");
              li.append(link(TYPE_NAMES[t][0], r.slug, r.title), el("span", "wiki-count", " " + plural(r.n, "article")));
              var tr = trend(r, h);
              if (tr) {
                var badge = el("span", "wiki-trend wiki-trend--" + tr[0], tr[0] === "new" ? "new" : tr[0] === "up" ? "▲" : "▼");
                badge.title = tr[1];
                badge.setAttribute("aria-label", tr[1]);
                li.append(" ", badge);
              }
              list.appendChild(li);
            });
            lists[t].appendChild(rows.length ? list : el("p", "", "None named in this period."));
          });
          var places = h.rows.filter(function (r) { return r.type === "l" && r.lat !== undefined; })
            .map(function (r) { return { slug: r.slug, name: r.title, lat: r.lat, lon: r.lon, mentions: r.n }; });
          if (window.L) {
            view = view || placeMap(mapEl, [35.0, 38.5], 6);
            view.update(places, function (place) { return popup(place, urlOf("locations", place.slug), "in the period"); });
          }
          box.dataset.period = periodText(period);
          box.dataset.ready = "true";
          if (window.performance && performance.mark) performance.mark("wiki-dashboard-drawn");  // make bench reads it
        });
      };
      listeners.push(draw);
      load(vendor + "leaflet/leaflet.js", vendor + "leaflet/leaflet.css").then(draw, draw);
    }).catch(function () { box.hidden = true; });
  }

  // The map page: markers for the period, and a replay of it month by month.
  function periodMap(mapEl, view, all, popupOf) {
    loadSituation().then(function (s) {
      if (!s.first) return;
      var head = el("div", "wiki-period");
      mapEl.parentNode.insertBefore(head, mapEl);
      var summary = picker(head, s);
      var play = el("button", "wiki-period__replay md-button", "Replay month by month");
      play.type = "button";
      var month = el("p", "wiki-period__month");
      month.setAttribute("aria-live", "polite");
      head.append(play, month);
      var byslug = {};
      all.forEach(function (place) { byslug[place.slug] = place; });
      var placesOf = function (counts) {
        return Object.keys(counts).filter(function (slug) { return slug in byslug; }).map(function (slug) {
          return Object.assign({}, byslug[slug], { mentions: counts[slug], period: counts[slug] });
        });
      };
      var timer = null;
      var stop = function () { clearTimeout(timer); timer = null; play.textContent = "Replay month by month"; month.textContent = ""; };
      var draw = function () {
        stop();
        holding(s, period).then(function (h) {
          var counts = {};
          h.rows.forEach(function (r) { if (r.type === "l") counts[r.slug] = r.n; });
          var places = placesOf(counts);
          summary.textContent = periodLabel(h) + ": " + plural(places.length, "place") + " named in " + plural(h.stories, "article") +
            (period.p === "all" && s.undated ? " and " + plural(s.undated, "undated article") : "");
          view.update(places, popupOf);
          mapEl.dataset.period = periodText(period);
        });
      };
      play.addEventListener("click", function () {
        if (timer) { stop(); return draw(); }
        var b = bounds(s, period), months = [];
        for (var m = monthKey(b.start); m <= monthKey(b.end); m = addMonths(m, 1)) months.push(m);
        var wanted = [];
        for (var y = Math.max(+months[0].slice(0, 4), +s.first.slice(0, 4)); y <= Math.min(+months[months.length - 1].slice(0, 4), +s.last.slice(0, 4)); y++) {
          wanted.push(loadYear(y));
        }
        play.textContent = "Stop";
        Promise.all(wanted).then(function (files) {
          var perMonth = {};
          files.forEach(function (file) {
            Object.keys(file.months).forEach(function (key) {
              if (key.slice(0, 2) !== "l:") return;
              unflat(file.months[key]).forEach(function (mc) {
                var m = file.year + "-" + String(mc[0] + 1).padStart(2, "0");
                (perMonth[m] = perMonth[m] || {})[key.slice(2)] = mc[1];
              });
            });
          });
          var i = 0;
          var step = function () {
            if (i >= months.length) { stop(); return; }
            var places = placesOf(perMonth[months[i]] || {});
            month.textContent = monthName(months[i]) + ": " + plural(places.length, "place");
            view.update(places, popupOf);
            mapEl.dataset.replay = months[i];
            i += 1;
            timer = setTimeout(step, 1200);
          };
          step();
        });
      });
      listeners.push(draw);
      draw();
    });
  }

  // The timeline page: the period's chart, and the years outside it folded away.
  function timeline(box) {
    loadSituation().then(function (s) {
      if (!s.first) return;
      box.classList.add("wiki-period");
      var summary = picker(box, s);
      var figure = el("figure", "wiki-chart");
      box.appendChild(figure);
      var draw = function () {
        holding(s, period).then(function (h) {
          summary.textContent = periodLabel(h) + ": " + plural(h.stories, "article");
          chart(figure, s, h);
          var from = iso(h.bounds.start).slice(0, 4), to = iso(h.bounds.end).slice(0, 4), shown = 0;
          document.querySelectorAll(".md-content li").forEach(function (li) {
            var a = li.querySelector("a[href]");
            var m = a && a.href.match(/\/timeline\/(\d{4})(\/|\.html)$/);
            if (!m || a !== li.firstElementChild) return;
            li.hidden = m[1] < from || m[1] > to;
            if (!li.hidden) shown += 1;
          });
          box.dataset.years = String(shown);
          box.dataset.period = periodText(period);
        });
      };
      listeners.push(draw);
      draw();
    });
  }

  // ---- Previews of entity links: what the linked page says the entity is (type, summary, how many articles name it),
  // read from that page itself, so an editor's summary shows as soon as the page is built. On hover (after a pause)
  // and on keyboard focus; Escape closes it. A touch goes straight to the page: no preview stands in its way.
  var ENTITY_PAGE = /\/(actors|locations|agreements)\/(?!index\.html)[a-z0-9-]+(\/|\.html)$/;
  var previews = {};
  function previewOf(href) {
    return previews[href] || (previews[href] = fetch(href).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var article = doc.querySelector(".md-content article") || doc.querySelector("article") || doc.body;
      var title = article.querySelector("h1");
      var paragraphs = Array.prototype.slice.call(article.querySelectorAll(":scope > p"));
      var typeAt = paragraphs.findIndex(function (p) { return p.firstElementChild && p.firstElementChild.tagName === "EM" && p.firstChild === p.firstElementChild; });
      var count = Array.prototype.find.call(article.querySelectorAll("h2"), function (h) { return /^Mentioned in/.test(h.textContent); });
      var summary = typeAt > 0 ? paragraphs[0].textContent.trim() : "";
      return {
        title: title ? title.textContent.replace(/¶$/, "").trim() : "",
        type: typeAt >= 0 ? paragraphs[typeAt].firstElementChild.textContent.trim() : "",
        summary: summary.length > 280 ? summary.slice(0, 279).replace(/\s+\S*$/, "") + "…" : summary,
        count: count ? count.textContent.replace(/¶$/, "").trim() : ""
      };
    }));
  }
  var tip = null, tipFor = null, showTimer = null, hideTimer = null;
  function hidePreview() {
    clearTimeout(showTimer);
    if (tip) tip.hidden = true;
    if (tipFor) tipFor.removeAttribute("aria-describedby");
    tipFor = null;
  }
  function showPreview(a) {
    previewOf(a.href).then(function (p) {
      if (document.activeElement !== a && !a.matches(":hover")) return;
      if (!tip) {
        tip = el("div", "wiki-preview");
        tip.id = "wiki-preview";
        tip.setAttribute("role", "tooltip");
        tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
        tip.addEventListener("mouseleave", function () { hideTimer = setTimeout(hidePreview, 200); });
        document.body.appendChild(tip);
      }
      tip.replaceChildren();
      if (p.type) tip.appendChild(el("p", "wiki-preview__type", p.type));
      tip.appendChild(el("p", "wiki-preview__title", p.title || a.textContent));
      if (p.summary) tip.appendChild(el("p", "wiki-preview__summary", p.summary));
      if (p.count) tip.appendChild(el("p", "wiki-preview__count", p.count));
      tip.hidden = false;
      var box = a.getBoundingClientRect(), width = Math.min(360, window.innerWidth - 16);
      tip.style.width = width + "px";
      tip.style.left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8)) + window.scrollX + "px";
      var below = box.bottom + 6, height = tip.offsetHeight;
      tip.style.top = (below + height > window.innerHeight && box.top - height - 6 > 0 ? box.top - height - 6 : below) + window.scrollY + "px";
      clearTimeout(hideTimer);  // a pointer that left another link earlier does not hide what is shown now
      tipFor = a;
      a.setAttribute("aria-describedby", tip.id);
    }).catch(function () { /* no preview: the link still works */ });
  }
  function previewLink(target) {
    var a = target && target.closest ? target.closest(".md-content a[href]") : null;
    return a && ENTITY_PAGE.test(a.href.split("#")[0]) && a.href.split("#")[0] !== window.location.href.split(/[?#]/)[0] ? a : null;
  }
  document.addEventListener("pointerover", function (ev) {
    var a = previewLink(ev.target);
    if (!a || ev.pointerType === "touch") return;
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { showPreview(a); }, 350);
  });
  document.addEventListener("pointerout", function (ev) {
    var a = previewLink(ev.target);
    if (!a || (ev.relatedTarget && a.contains(ev.relatedTarget))) return;
    clearTimeout(showTimer);
    hideTimer = setTimeout(hidePreview, 200);
  });
  document.addEventListener("focusin", function (ev) {
    var a = previewLink(ev.target);
    if (a && a.matches(":focus-visible")) showPreview(a);
  });
  document.addEventListener("focusout", function (ev) { if (previewLink(ev.target)) hidePreview(); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && tip && !tip.hidden) hidePreview(); });

  var home = document.querySelector(".wiki-dashboard");
  if (home) dashboard(home);
  var line = document.querySelector(".wiki-timeline-period");
  if (line) timeline(line);

  var maps = Array.prototype.slice.call(document.querySelectorAll(".wiki-map[data-points], .wiki-map[data-lat]"));
  if (maps.length) {
    load(vendor + "leaflet/leaflet.js", vendor + "leaflet/leaflet.css").then(function () { drawMaps(maps); });
  }
  var graph = document.querySelector(".wiki-graph");
  if (graph) {
    load(vendor + "cytoscape/cytoscape.min.js").then(function () { drawGraph(graph); });
  }
})();

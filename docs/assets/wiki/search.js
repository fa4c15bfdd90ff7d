// Search box in the theme's header, backed by Pagefind's static index (site/pagefind/, written after each build
// by the index step, generator/engine/search_index.py): a reader downloads only the index chunks a query needs.
(() => {
  const inner = document.querySelector(".md-header__inner");
  if (!inner || inner.querySelector(".pf-search")) return;
  const cfg = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const root = new URL((cfg.base || ".").replace(/\/$/, "") + "/", location);  // site root, works under /syria/
  const box = document.createElement("div");
  box.className = "pf-search";
  box.setAttribute("role", "search");
  box.innerHTML = '<input type="search" class="pf-search__input" placeholder="Search" aria-label="Search" autocomplete="off" spellcheck="false">' +
                  '<div class="pf-search__results" role="listbox" hidden></div>';
  inner.insertBefore(box, inner.querySelector(".md-header__source"));  // null -> append at the end
  const input = box.querySelector("input"), list = box.querySelector(".pf-search__results");
  let ready = null, merged = 0, merging = Promise.resolve(), seq = 0;
  // One shared promise: focus and the first keystrokes must not import/init Pagefind twice.
  // A large site's index is built in parts (see generator/engine/search_index.py): pagefind/ holds the entity pages and the
  // newest articles, parts.json lists the older parts. Each part searched costs a chunk per query word, so they are
  // added one at a time, newest first, only while a query has less than a screen of results, or when the reader asks.
  const load = () => (ready ??= (async () => {
    const base = new URL("pagefind/", root);
    const [pf, rest] = await Promise.all([
      import(new URL("pagefind.js", base).href),
      fetch(new URL("parts.json", base)).then((r) => (r.ok ? r.json() : {})).catch(() => ({})),
    ]);
    const opts = {
      baseUrl: root.pathname,                                            // result URLs get the /syria/ prefix
      ranking: { metaWeights: { aliases: 10 } },                         // entity aliases (see generator/engine/mark.py)
    };
    await pf.options({ ...opts, noWorker: true });                       // a query takes milliseconds: not worth a 41 kB worker script
    pf.init();                                                           // start loading wasm + meta now
    const index = { parts: [], articles: 0, through: "", undated: 0, common: [], ...rest };
    return { pf, opts, base, rest: index, common: new Set(index.common) };
  })());
  // A query of several words without the words on most pages ("al", "said"), which cost a chunk of their own each
  // and narrow nothing: "Hayat Tahrir al-Sham" is searched as "Hayat Tahrir Sham". Only common words: kept.
  const essential = (q, common) => {
    const words = q.split(/\s+/).map((w) => w.split("-").filter((part) => !common.has(part.toLowerCase())).join("-")).filter(Boolean);
    return words.length ? words.join(" ") : q;
  };
  // The next older part into the index (false when all are in): ``merged`` of them are taken, one merge at a time.
  const mergeNext = async () => {
    const { pf, opts, base, rest } = await load();
    if (merged >= rest.parts.length) return false;
    const part = new URL(rest.parts[merged++], base).href;
    await (merging = merging.then(() => pf.mergeIndex(part, opts)));
    return true;
  };
  const everything = async () => { while (await mergeNext()); };
  const partial = async () => merged < (await load()).rest.parts.length;
  // What the parts not yet searched hold, for the "also search" button (parts.json's totals when it has no ``each``).
  const remaining = (rest) => {
    if (!Array.isArray(rest.each) || rest.each.length !== rest.parts.length) return rest;
    const left = rest.each.slice(merged);
    return { articles: left.reduce((n, e) => n + e[0], 0), through: left.reduce((d, e) => (e[1] > d ? e[1] : d), ""),
      undated: left.reduce((n, e) => n + e[2], 0) };
  };
  // Pagefind escapes < > in excerpts and adds only <mark>; keep only <mark> to be defensive.
  const safeExcerpt = (html) => html.replace(/<(?!\/?mark>)/g, "&lt;");
  // The same split of the exact-name filter as generator/engine/mark.py's alias_filter.
  const aliasFilter = (name) => "alias-" + (name[0] >= "a" && name[0] <= "z" ? name[0] : "0");
  // "Also search 5,412 older articles (up to 2023-05-19, 12 undated)"
  const olderLabel = ({ articles, through, undated }) => {
    const notes = [through && `up to ${through}`, undated && `${undated.toLocaleString("en")} undated`].filter(Boolean);
    return `Also search ${articles.toLocaleString("en")} older article${articles === 1 ? "" : "s"}` + (notes.length ? ` (${notes.join(", ")})` : "");
  };
  // What each result is, from where it lives: a reader tells the actor from the place of the same name at a glance.
  const TYPES = { articles: "Article", actors: "Actor", locations: "Place", agreements: "Agreement", editing: "Guide" };
  const typeOf = (url) => { const m = /\/(articles|actors|locations|agreements|editing)\//.exec(url); return m ? TYPES[m[1]] : "Page"; };
  const render = (items, q, left = 0, rest = null, instead = "", into = list) => {
    into.replaceChildren();
    if (instead) {
      const p = document.createElement("p"); p.className = "pf-search__empty";
      p.textContent = `No results for “${q}”. Showing results for “${instead}”:`; into.append(p);
    }
    if (!items.length) {
      const p = document.createElement("p"); p.className = "pf-search__empty";
      p.textContent = `No results for “${q}”`; into.append(p);
    }
    for (const d of items) {
      const a = document.createElement("a"); a.className = "pf-search__hit"; a.href = d.url; a.setAttribute("role", "option");
      const k = document.createElement("em"); k.className = "pf-search__type"; k.textContent = typeOf(d.url);
      const t = document.createElement("strong"); t.textContent = d.meta.title || d.url;   // title as text, never HTML
      const e = document.createElement("span"); e.innerHTML = safeExcerpt(d.excerpt);
      a.append(k, t, e); into.append(a);
    }
    if (left > 0) {
      const b = document.createElement("button"); b.type = "button"; b.className = "pf-search__more";
      b.textContent = `More results (${left})`; into.append(b);
    }
    if (rest) {
      const b = document.createElement("button"); b.type = "button"; b.className = "pf-search__older";
      b.textContent = olderLabel(rest); into.append(b);
    }
    into.hidden = false;
  };
  input.addEventListener("focus", load, { once: true });
  // The search runs once typing pauses. Pagefind's own debouncedSearch would fetch index chunks for every
  // prefix typed ("b", "bu", …), a chunk each; from three letters on, a word's chunks are those of the word typed,
  // except while it could still become a common word ("syr" of "syrian"), which the search itself may leave out.
  const preloaded = (q, common) => essential(q, common).split(/\s+/)
    .filter((w) => w.length >= 3 && ![...common].some((c) => c.startsWith(w.toLowerCase()))).join(" ");
  const DEBOUNCE = 100;                                                  // ms (generator/bench.py reads this)
  let timer = null;
  input.addEventListener("input", () => {
    const q = input.value.trim(), my = ++seq;
    clearTimeout(timer);
    if (!q) { list.hidden = true; return; }
    load().then(({ pf, common }) => { const early = preloaded(q, common); if (early) pf.preload(early); });
    timer = setTimeout(() => run(q, my), DEBOUNCE);
  });
  // Entities whose alias is exactly the query go first, then the articles naming them by their title (a reader who
  // types "Idleb" wants the articles about Idlib, most of which never spell it so), then the rest. Those articles
  // take two more round trips (the entity's title, then its search): ``later`` brings them, after the first results
  // are on screen. Never search(null, ...): that loads the whole index.
  const find = async (pf, common, q) => {
    const terms = essential(q, common);
    const [s, { results: exact }] = await Promise.all([
      pf.search(terms), pf.search(terms, { filters: { [aliasFilter(q.toLowerCase())]: q.toLowerCase() } })]);
    const merged = (...lists) => { const ids = new Set(); return lists.flat().filter((r) => !ids.has(r.id) && ids.add(r.id)); };
    const later = exact.length ? (async () => {
      const titles = [...new Set((await Promise.all(exact.slice(0, 2).map((r) => r.data()))).map((d) => d.meta.title)
        .filter((t) => t && fold(t) !== fold(q)))];
      const named = (await Promise.all(titles.map((t) => pf.search(essential(t, common), { filters: { article: "yes" } }))))
        .flatMap((x) => x.results);
      return { results: merged(exact, named, s.results), asked: [q, ...titles] };
    })() : null;
    return { results: merged(exact, s.results), asked: [q], later };
  };
  // Pagefind matches a word it lacks to the nearest it has, however far ("xyzzy" found a page of the guide): a result
  // is kept only when each word of the query is in its title or text, as typed, as the start of a longer word, or
  // one or two letters apart (a typo).
  const fold = (t) => t.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const typo = (a, b) => {                                               // edit distance, 0 to 3 (3: more)
    if (Math.abs(a.length - b.length) > 2) return 3;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row;
    }
    return Math.min(prev[b.length], 3);
  };
  const near = (word, w) => w === word || (word.length >= 4 && w.startsWith(word)) ||
    (word.length >= 4 && typo(word, w) <= (word.length <= 6 ? 1 : 2));
  const relevant = (d, asked, common) => {
    const words = new Set(fold(`${d.meta.title || ""} ${d.content || ""}`).split(/[^\p{L}\p{N}]+/u));
    return asked.some((q) => fold(q).split(/[^\p{L}\p{N}]+/u).filter((w) => w && !common.has(w)).every((w) => {
      if (words.has(w)) return true;
      for (const x of words) if (near(w, x)) return true;
      return false;
    }));
  };
  // With nothing relevant, the nearest name of an entity the articles name (assets/wiki/names.json, most named first),
  // a typo or two apart: "Idlob" → "Idlib".
  let names = null;
  const nearestName = async (q) => {
    names ??= fetch(new URL("assets/wiki/names.json", root)).then((r) => (r.ok ? r.json() : [])).catch(() => []);
    const want = fold(q).trim();
    if (want.length < 4) return "";
    let best = "", score = 3;
    for (const name of await names) {                                   // the whole name, or one word of it ("Lavrentyv")
      const d = Math.min(typo(want, fold(name)), ...fold(name).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4).map((w) => typo(want, w)));
      if (d < score && d <= (want.length <= 6 ? 1 : 2)) { best = name; score = d; }
    }
    return best;
  };
  const run = async (q, my, all = false, into = list) => {
    const { pf, common } = await load();
    if (all) await everything();
    let found = await find(pf, common, q);
    if (my !== seq) return;                                              // newer input came
    const show = async (f) => { shown = { ...f, q, items: [], common, instead: "", into }; await more(my); };
    await show(found);
    if (my !== seq) return;
    let named = Boolean(found.later);                                    // an entity was found by this name
    if (found.later) {                                                   // the articles naming the entity, after it
      const full = await found.later;
      if (my !== seq) return;
      if (full.results.length > found.results.length) await show(full);
      if (my !== seq) return;
      found = full;
    }
    // Too few among the newest: the older parts, newest first, one at a time until there is a screen of results (at
    // 100,000 articles all 35 of them cost 3.6 MB for one query).
    let grew = false;
    while (found.results.length < PAGE && (await mergeNext())) {
      found = await find(pf, common, q);
      if (found.later) { named = true; found = await found.later; }
      if (my !== seq) return;
      grew = true;
    }
    if (grew) await show(found);
    if (my !== seq || named) return;                                     // a name the wiki knows: no typo to correct
    if (shown.items.length || shown.results.length > shown.items.length) return;
    const instead = await nearestName(q);                                 // nothing relevant: a typo?
    if (!instead || my !== seq) return;                                  // searched where the first was: no more parts
    const other = await find(pf, common, instead);
    shown = { ...(other.later ? await other.later : other), q, items: [], common, instead, into };
    await more(my);
  };
  // Results arrive PAGE at a time: each one shown costs a fragment download.
  const PAGE = 5;
  // An irrelevant result (above) is dropped as it loads; up to three pages are tried for one worth showing.
  let shown = { results: [], asked: [], q: "", items: [], common: new Set(), instead: "" };
  const more = async (my) => {
    let kept = [];
    for (let tries = 0; tries < 3 && !kept.length && shown.items.length < shown.results.length; tries++) {
      const start = shown.items.length, batch = shown.results.slice(start, start + PAGE);
      const next = await Promise.all(batch.map((r) => r.data()));
      if (my !== seq) return;
      const keep = next.map((d) => relevant(d, shown.asked, shown.common));
      shown.results.splice(start, batch.length, ...batch.filter((_, i) => keep[i]));
      kept = next.filter((_, i) => keep[i]);
      shown.items.push(...kept);
    }
    render(shown.items, shown.q, shown.results.length - shown.items.length, (await partial()) ? remaining((await load()).rest) : null, shown.instead,
      shown.into);
  };
  const buttons = (ev) => {
    if (ev.target.closest(".pf-search__more")) { ev.preventDefault(); more(seq); }
    if (ev.target.closest(".pf-search__older")) { ev.preventDefault(); run(shown.q, ++seq, true, shown.into); }
  };
  list.addEventListener("click", buttons);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { list.hidden = true; input.blur(); }
    if (ev.key === "Enter") { const first = list.querySelector("a"); if (first) location.href = first.href; }
    if (ev.key === "ArrowDown") { ev.preventDefault(); list.querySelector("a")?.focus(); }
  });
  list.addEventListener("keydown", (ev) => {
    const a = document.activeElement;
    if (ev.key === "ArrowDown") { ev.preventDefault(); a.nextElementSibling?.focus(); }
    if (ev.key === "ArrowUp") { ev.preventDefault(); (a.previousElementSibling || input).focus(); }
    if (ev.key === "Escape") { list.hidden = true; input.focus(); }
  });
  document.addEventListener("click", (ev) => { if (!box.contains(ev.target)) list.hidden = true; });
  document.addEventListener("keydown", (ev) => {                      // "/" focuses the box, like Material's search
    if (ev.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) { ev.preventDefault(); input.focus(); }
  });
  // The theme's 404 page says only "404 - Not found": say what was asked for, and search the words of its address
  // ("…/actors/idleb/" searches "idleb", found as Idlib).
  const missing = document.querySelector("article h1");
  if (missing && /^404\b/.test(missing.textContent)) {
    const asked = decodeURIComponent(location.pathname.slice(root.pathname.length)).replace(/(\/|\.html?)$/, "");
    const words = (asked.split("/").pop() || "").replace(/[-_+.]+/g, " ").trim();
    const note = document.createElement("p");
    note.textContent = `There is no page at “${location.pathname}”: it may have been renamed or removed. ` +
      "The tabs above lead to every list of the wiki, and the search box searches all of it.";
    const heading = document.createElement("h2");
    const found = document.createElement("div"); found.className = "pf-search__found";
    found.setAttribute("role", "listbox"); found.setAttribute("aria-label", "Pages that may be the one asked for");
    found.addEventListener("click", buttons);
    missing.after(note);
    if (words) {
      heading.textContent = `Pages about “${words}”`;
      note.after(heading, found);
      run(words, ++seq, false, found);
    }
  }
})();

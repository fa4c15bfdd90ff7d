// Search box in the theme's header, backed by Pagefind's static index (site/pagefind/, written after each build
// by the index step, generator/engine/search_index.py): a reader downloads only the index chunks a query needs.
(() => {
  const inner = document.querySelector(".md-header__inner");
  if (!inner || inner.querySelector(".pf-search")) return;
  const cfg = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const root = new URL((cfg.base || ".") + "/", location);           // site root, works under /syria/
  const box = document.createElement("div");
  box.className = "pf-search";
  box.setAttribute("role", "search");
  box.innerHTML = '<input type="search" class="pf-search__input" placeholder="Search" aria-label="Search" autocomplete="off" spellcheck="false">' +
                  '<div class="pf-search__results" role="listbox" hidden></div>';
  inner.insertBefore(box, inner.querySelector(".md-header__source"));  // null -> append at the end
  const input = box.querySelector("input"), list = box.querySelector(".pf-search__results");
  let ready = null, older = null, seq = 0;
  // One shared promise: focus and the first keystrokes must not import/init Pagefind twice.
  // A large site's index is built in parts (see generator/engine/search_index.py): pagefind/ holds the entity pages and the
  // newest articles, parts.json lists the older parts. Each part searched costs a chunk per query word, so they are
  // added only when the first finds less than a screen of results, or when the reader asks.
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
  const everything = async () => {
    const { pf, opts, base, rest } = await load();
    await (older ??= Promise.all(rest.parts.map((part) => pf.mergeIndex(new URL(part, base).href, opts))));
  };
  const partial = async () => !older && (await load()).rest.parts.length > 0;
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
  const render = (items, q, left = 0, rest = null) => {
    list.replaceChildren();
    if (!items.length) {
      const p = document.createElement("p"); p.className = "pf-search__empty";
      p.textContent = `No results for “${q}”`; list.append(p);
    }
    for (const d of items) {
      const a = document.createElement("a"); a.className = "pf-search__hit"; a.href = d.url; a.setAttribute("role", "option");
      const k = document.createElement("em"); k.className = "pf-search__type"; k.textContent = typeOf(d.url);
      const t = document.createElement("strong"); t.textContent = d.meta.title || d.url;   // title as text, never HTML
      const e = document.createElement("span"); e.innerHTML = safeExcerpt(d.excerpt);
      a.append(k, t, e); list.append(a);
    }
    if (left > 0) {
      const b = document.createElement("button"); b.type = "button"; b.className = "pf-search__more";
      b.textContent = `More results (${left})`; list.append(b);
    }
    if (rest) {
      const b = document.createElement("button"); b.type = "button"; b.className = "pf-search__older";
      b.textContent = olderLabel(rest); list.append(b);
    }
    list.hidden = false;
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
  // Entities whose alias is exactly the query go first. Never search(null, ...): that loads the whole index.
  const find = async (pf, common, q) => {
    const terms = essential(q, common);
    const s = await pf.search(terms);
    const exact = (await pf.search(terms, { filters: { [aliasFilter(q.toLowerCase())]: q.toLowerCase() } })).results;
    const ids = new Set(exact.map((r) => r.id));
    return [...exact, ...s.results.filter((r) => !ids.has(r.id))];
  };
  const run = async (q, my, all = false) => {
    const { pf, common } = await load();
    if (all) await everything();
    let results = await find(pf, common, q);
    if (my !== seq) return;                                              // newer input came
    if (results.length < PAGE && (await partial())) {                    // too few among the newest: search them all
      await everything();
      results = await find(pf, common, q);
      if (my !== seq) return;
    }
    shown = { results, q, items: [] };
    await more(my);
  };
  // Results arrive PAGE at a time: each one shown costs a fragment download.
  const PAGE = 5;
  let shown = { results: [], q: "", items: [] };
  const more = async (my) => {
    const next = await Promise.all(shown.results.slice(shown.items.length, shown.items.length + PAGE).map((r) => r.data()));
    if (my !== seq) return;
    shown.items.push(...next);
    render(shown.items, shown.q, shown.results.length - shown.items.length, (await partial()) ? (await load()).rest : null);
  };
  list.addEventListener("click", (ev) => {
    if (ev.target.closest(".pf-search__more")) { ev.preventDefault(); more(seq); }
    if (ev.target.closest(".pf-search__older")) { ev.preventDefault(); run(shown.q, ++seq, true); }
  });
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
})();

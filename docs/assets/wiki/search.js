// Search box in the theme's header, backed by Pagefind's static index (site/pagefind/, written after each build
// by generator/mkdocs_hooks.py): a reader downloads only the index chunks a query needs.
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
  let ready = null, seq = 0;
  // One shared promise: focus and the first keystrokes must not import/init Pagefind twice.
  // A large site's index is built in parts (see generator/search_index.py): pagefind/ and those parts.json lists.
  const load = () => (ready ??= (async () => {
    const base = new URL("pagefind/", root);
    const [pf, parts] = await Promise.all([
      import(new URL("pagefind.js", base).href),
      fetch(new URL("parts.json", base)).then((r) => (r.ok ? r.json() : [])).catch(() => []),
    ]);
    const opts = {
      baseUrl: root.pathname,                                            // result URLs get the /syria/ prefix
      ranking: { metaWeights: { aliases: 10 } },                         // entity aliases (see generator/mkdocs_hooks.py)
    };
    await pf.options({ ...opts, noWorker: true });                       // a query takes milliseconds: not worth a 41 kB worker script
    pf.init();                                                           // start loading wasm + meta now
    await Promise.all(parts.map((part) => pf.mergeIndex(new URL(part, base).href, opts)));
    return pf;
  })());
  // Pagefind escapes < > in excerpts and adds only <mark>; keep only <mark> to be defensive.
  const safeExcerpt = (html) => html.replace(/<(?!\/?mark>)/g, "&lt;");
  // The same split of the exact-name filter as generator/mkdocs_hooks.py's alias_filter.
  const aliasFilter = (name) => "alias-" + (name[0] >= "a" && name[0] <= "z" ? name[0] : "0");
  const render = (items, q, left = 0) => {
    list.replaceChildren();
    if (!items.length) {
      const p = document.createElement("p"); p.className = "pf-search__empty";
      p.textContent = `No results for “${q}”`; list.append(p);
    }
    for (const d of items) {
      const a = document.createElement("a"); a.className = "pf-search__hit"; a.href = d.url; a.setAttribute("role", "option");
      const t = document.createElement("strong"); t.textContent = d.meta.title || d.url;   // title as text, never HTML
      const e = document.createElement("span"); e.innerHTML = safeExcerpt(d.excerpt);
      a.append(t, e); list.append(a);
    }
    if (left > 0) {
      const b = document.createElement("button"); b.type = "button"; b.className = "pf-search__more";
      b.textContent = `More results (${left})`; list.append(b);
    }
    list.hidden = false;
  };
  input.addEventListener("focus", load, { once: true });
  // The search runs once typing pauses. Pagefind's own debouncedSearch would fetch index chunks for every
  // prefix typed ("b", "bu", …), a chunk each; from three letters on, a word's chunks are those of the word typed.
  const preloaded = (q) => q.split(/\s+/).filter((w) => w.length >= 3).join(" ");
  const DEBOUNCE = 100;                                                  // ms (generator/bench.py reads this)
  let timer = null;
  input.addEventListener("input", () => {
    const q = input.value.trim(), my = ++seq;
    clearTimeout(timer);
    if (!q) { list.hidden = true; return; }
    const early = preloaded(q);
    if (early) load().then((pf) => pf.preload(early));
    timer = setTimeout(() => run(q, my), DEBOUNCE);
  });
  const run = async (q, my) => {
    const pf = await load();
    const s = await pf.search(q);
    if (my !== seq) return;                                              // newer input came
    // Entities whose alias is exactly the query go first. Never search(null, ...): that loads the whole index.
    const exact = (await pf.search(q, { filters: { [aliasFilter(q.toLowerCase())]: q.toLowerCase() } })).results;
    const ids = new Set(exact.map((r) => r.id));
    const results = [...exact, ...s.results.filter((r) => !ids.has(r.id))];
    if (my !== seq) return;
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
    render(shown.items, shown.q, shown.results.length - shown.items.length);
  };
  list.addEventListener("click", (ev) => {
    if (ev.target.closest(".pf-search__more")) { ev.preventDefault(); more(seq); }
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

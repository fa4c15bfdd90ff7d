"""Command line: ``python -m generator <command>``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.pipeline import run_check, run_guard, run_ingest, run_link, run_retag, update
from generator.settings import DEFAULTS

WRITERS = {"ingest", "retag", "link", "guard", "update", "rename", "merge", "import-registry", "resolve"}  # one at a time per docs/


def cmd_ingest(args) -> int:
    return run_ingest(args.seeds, args.docs)[0]


def cmd_link(args) -> int:
    return run_link(args.docs)[0]


def cmd_retag(args) -> int:
    return run_retag(args.docs)[0]


def cmd_guard(args) -> int:
    return run_guard(args.docs)[0]


def cmd_rename(args) -> int:
    from generator.steps.rename import rename

    written = rename(args.docs, args.old, args.new)
    print(f"rename: {args.old} → {args.new}; {len(written)} pages written")
    return 0


def cmd_merge(args) -> int:
    from generator.steps.rename import merge

    written = merge(args.docs, args.source, args.into)
    print(f"merge: {args.source} into {args.into}; {len(written)} pages written")
    return 0


def cmd_resolve(args) -> int:
    from generator.steps.resolve import resolve

    for page in args.pages:
        print(resolve(args.docs, args.seeds, page))
    return 0


def cmd_synth(args) -> int:
    from generator.dev.synth import synth

    files = synth(args.n, args.out, args.docs, args.seed)
    print(f"synth: {len(files)} articles in {args.out}")
    return 0


def cmd_bench(args) -> int:
    import shutil

    from generator.dev.bench import bench

    built: list[Path] = []
    try:
        for n in args.n:
            built.append(bench(n, args.keep, args.rounds or (1 if n >= 50_000 else 2), plain=not args.no_plain)[1])
    finally:
        if args.keep is None:  # only now: a deletion just before a timed step would slow it (see ``bench``)
            for folder in built:
                shutil.rmtree(folder, ignore_errors=True)
    return 0


def cmd_check(args) -> int:
    return run_check(args.docs)[0]


def cmd_update(args) -> int:
    return update(args.seeds, args.docs)[0]


def cmd_serve(args) -> int:
    import logging

    from generator.engine.serve import serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    serve(args.config_file, args.dev_addr, args.seeds)
    return 0


def cmd_build_site(args) -> int:
    from generator.engine.build import BuildError, build_site

    try:
        built = build_site(args.config_file, args.engine, full=args.full)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    how = "every page" if built.full else f"{built.rendered} changed page{'s' if built.rendered != 1 else ''}"
    gone = f", {built.removed} deleted page{'s' if built.removed != 1 else ''} removed" if built.removed else ""
    print(f"build-site: {built.engine} rendered {how}{gone}")
    return 0


def cmd_index_site(args) -> int:
    from generator.engine.search_index import SearchIndexError, index_site

    try:
        pages, made = index_site(args.site, args.docs, args.part_words)
    except SearchIndexError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"index-site: {pages} pages searched, an index in {made.parts} part{'s' if made.parts > 1 else ''} in "
          f"{args.site / 'pagefind'} ({made.indexed} indexed again, the others unchanged)")
    return 0


def cmd_import(args) -> int:
    from generator.dev.starter import import_entries

    created, problems = import_entries(args.files, args.docs)
    for line in problems:
        print(line, file=sys.stderr)
    print(f"import: {created} entity pages created")
    return 1 if problems else 0


def cmd_evaluate(args) -> int:
    from generator.dev.evaluate import evaluate

    return evaluate(args.gold, args.articles, args.docs, args.verbose)


def cmd_explain(args) -> int:
    from generator.dev.evaluate import explain_references

    return explain_references(args.files, args.docs)


def cmd_fetch(args) -> int:
    from generator.read.fetch import run_fetch

    return run_fetch(args.urls, args.seeds, args.feeds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build the Situation Wiki from raw articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="raw articles → tagged article pages")
    p.add_argument("--seeds", type=Path, default=DEFAULTS.seeds)
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_ingest)
    p = sub.add_parser("update", help="ingest, retag, link and check in one go: what make site runs before mkdocs")
    p.add_argument("--seeds", type=Path, default=DEFAULTS.seeds)
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_update)
    p = sub.add_parser("serve", help="live preview: update, build site/ (changed pages only) and serve it, again on every save")
    p.add_argument("--seeds", type=Path, default=DEFAULTS.seeds)
    p.add_argument("-f", "--config-file", default=str(DEFAULTS.config_file))
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    p.set_defaults(run=cmd_serve)
    p = sub.add_parser("build-site", help="render docs/ into site/ with an engine that reads mkdocs.yml; only changed pages when it can")
    p.add_argument("--engine", choices=("mkdocs", "properdocs", "zensical"), default="mkdocs")
    p.add_argument("--full", action="store_true", help="render every page, even when site/ holds the last build")
    p.add_argument("-f", "--config-file", type=Path, default=DEFAULTS.config_file)
    p.set_defaults(run=cmd_build_site)
    p = sub.add_parser("index-site", help="the search index of a built site/ (Pagefind), whichever engine built it: after the engine")
    p.add_argument("--site", type=Path, default=Path("site"))
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs, help="the pages site/ was built from (articles' dates)")
    p.add_argument("--part-words", type=int, default=DEFAULTS.part_words,
                   help="indexed words per part of the index (Pagefind's memory: about 0.56 kB a word)")
    p.set_defaults(run=cmd_index_site)
    p = sub.add_parser("link", help="rewrite generated sections, indexes and the home page")
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_link)
    p = sub.add_parser("guard", help="remove editor HTML that could run in a reader's browser (path:line of each removal)")
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_guard)

    p = sub.add_parser("retag", help="tag every article again after registry changes (only adds; editors' removals stick)")
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_retag)
    p = sub.add_parser("rename", help="rename an entity: rename OLD NEW (NEW a slug, or a title)")
    p.add_argument("old", help="type/slug or slug, e.g. actors/sdf")
    p.add_argument("new", help="new slug (syrian-democratic-forces) or new title (\"Syrian Democratic Forces\")")
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_rename)
    p = sub.add_parser("merge", help="merge FROM INTO: fold one entity into another")
    p.add_argument("source", metavar="FROM")
    p.add_argument("into", metavar="INTO")
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_merge)

    p = sub.add_parser("resolve", help="mark a conflict resolved: PAGE keeps its text, its raw file as it is now counts as merged")
    p.add_argument("pages", metavar="PAGE", nargs="+", help="article page, e.g. docs/articles/some-article.md")
    p.add_argument("--seeds", type=Path, default=DEFAULTS.seeds)
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_resolve)

    p = sub.add_parser("synth", help="write N synthetic raw articles in the seeds' style (benchmarks, link checks)")
    p.add_argument("n", type=int)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs, help="the registry to draw names from")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(run=cmd_synth)
    p = sub.add_parser("bench", help="time the pipeline on N synthetic articles against a plain MkDocs build")
    p.add_argument("n", type=int, nargs="+")
    p.add_argument("--keep", type=Path, help="build in this folder and keep it")
    p.add_argument("--rounds", type=int, help="how often each build is timed (default 2, 1 from 50,000 articles: hours each)")
    p.add_argument("--no-plain", action="store_true",
                   help="skip the plain MkDocs build (and so the ratios to it): at 100,000 articles it takes an hour")
    p.set_defaults(run=cmd_bench)
    p = sub.add_parser("check", help="validate every page's front matter; exit status 1 when something is wrong")
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("import-registry", help="create entity pages from a YAML list (never overwrites a page)")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs)
    p.set_defaults(run=cmd_import)
    p = sub.add_parser("evaluate", help="score tagging against the annotated articles in tests/eval")
    p.add_argument("--gold", type=Path, default=Path("tests/eval/gold.yaml"))
    p.add_argument("--articles", type=Path, default=Path("tests/eval/articles"))
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs, help="the wiki whose registry is used")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss and false tag")
    p.set_defaults(run=cmd_evaluate)
    p = sub.add_parser("explain-references", help="why each 'the deal', 'a truce'… in raw files was (not) taken for an agreement")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--docs", type=Path, default=DEFAULTS.docs, help="the wiki whose registry is used")
    p.set_defaults(run=cmd_explain)
    p = sub.add_parser("fetch", help="new articles from RSS/Atom feeds and article pages into seeds/, each with a .meta.yaml")
    p.add_argument("urls", metavar="URL", nargs="*", help="a feed or an article page; none: those listed in --feeds")
    p.add_argument("--seeds", type=Path, default=DEFAULTS.seeds)
    p.add_argument("--feeds", type=Path, default=DEFAULTS.seeds / "feeds.txt", help="one URL a line; # starts a comment")
    p.set_defaults(run=cmd_fetch)
    args = parser.parse_args(argv)
    from generator.steps.rename import EntityError
    from generator.steps.resolve import ResolveError
    from generator.store.lock import Busy, exclusive

    try:
        if args.command in WRITERS:
            with exclusive(args.docs):
                return args.run(args)
        return args.run(args)
    except (Busy, EntityError, ResolveError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

"""Command line: ``python -m generator <command>``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _print_problems(problems: list[str]) -> None:
    for line in problems:
        print(line, file=sys.stderr)


def cmd_ingest(args) -> int:
    from generator.ingest import ingest

    report = ingest(args.seeds, args.docs)
    _print_problems(report.problems + report.conflicts)
    print(f"ingest: {len(report.written)} written, {report.unchanged} unchanged, {len(report.proposed)} proposed entities, "
          f"{len(report.problems)} skipped, {len(report.conflicts)} conflicts")
    return 1 if report.problems or report.conflicts else 0


def cmd_link(args) -> int:
    from generator.link import link

    report = link(args.docs)
    _print_problems(report.problems)
    print(f"link: {len(report.written)} pages written")
    return 1 if report.problems else 0


def cmd_check(args) -> int:
    from generator.check import check

    problems = check(args.docs)
    for problem in problems:
        print(problem)
    print(f"check: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
    return 1 if problems else 0


def cmd_import(args) -> int:
    from generator.starter import import_entries

    created, problems = import_entries(args.files, args.docs)
    _print_problems(problems)
    print(f"import: {created} entity pages created")
    return 1 if problems else 0


def cmd_evaluate(args) -> int:
    from generator.evaluate import evaluate

    return evaluate(args.gold, args.articles, args.docs, args.verbose)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build the Situation Wiki from raw articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="raw articles → tagged article pages")
    p.add_argument("--seeds", type=Path, default=Path("seeds"))
    p.add_argument("--docs", type=Path, default=Path("docs"))
    p.set_defaults(run=cmd_ingest)
    p = sub.add_parser("link", help="rewrite generated sections, indexes and the home page")
    p.add_argument("--docs", type=Path, default=Path("docs"))
    p.set_defaults(run=cmd_link)
    p = sub.add_parser("check", help="validate every page's front matter; exit status 1 when something is wrong")
    p.add_argument("--docs", type=Path, default=Path("docs"))
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("import-registry", help="create entity pages from a YAML list (never overwrites a page)")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--docs", type=Path, default=Path("docs"))
    p.set_defaults(run=cmd_import)
    p = sub.add_parser("evaluate", help="score tagging against the annotated articles in tests/eval")
    p.add_argument("--gold", type=Path, default=Path("tests/eval/gold.yaml"))
    p.add_argument("--articles", type=Path, default=Path("tests/eval/articles"))
    p.add_argument("--docs", type=Path, default=Path("docs"), help="the wiki whose registry is used")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss and false tag")
    p.set_defaults(run=cmd_evaluate)
    args = parser.parse_args(argv)
    return args.run(args)

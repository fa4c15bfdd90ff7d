"""``python -m generator synth N --out DIR``: a synthetic corpus in the seeds' style.

For benchmarks and link checks at scale: site chrome, a title (or none), a standfirst, a
repeated title, body paragraphs that mention registry entities under their aliases plus
names the registry does not know, attribution lines, and publication dates spread over
2012–2025. The same N and seed always give the same files.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from generator.content.registry import load_registry

CHROME_TOP = ["Logo Wide", "skip to Main Content", "Menu", ""]
CHROME_BOTTOM = ["Back To Top", "Helpful keywords", "Share this article", ""]
OUTLETS = ["The Syrian Observer", "Enab Baladi", "North Press", "Syria Direct", "Asharq Al-Awsat", "Tabnak"]
FIRST = ["Ahmad", "Khaled", "Omar", "Yusuf", "Mahmoud", "Samir", "Ali", "Hassan", "Rami", "Nabil"]
LAST = ["Haddad", "Khatib", "Sabbagh", "Darwish", "Mansour", "Qasem", "Hamdan", "Zoubi", "Halabi", "Nasser"]
PLACE_PARTS = ["Tal", "Kafr", "Ain", "Deir", "Khirbet", "Umm", "Jabal", "Beit"]
PLACE_ROOTS = ["Hamra", "Sultan", "Zeitoun", "Rummana", "Shuhada", "Karama", "Nour", "Ghazal", "Safa", "Rihan"]
SENTENCES = [
    "{actor} said on {weekday} that its forces had advanced towards {location}.",
    "Clashes between {actor} and {actor2} were reported near {location}, according to local sources.",
    "{actor} accused {actor2} of violating the {agreement} around {location}.",
    "Colonel {person}, a spokesperson for {actor}, said the situation in {location} remained tense.",
    "Residents of the village of {newplace} fled towards {location} after shelling overnight.",
    "Talks under the {agreement} are expected to resume, {actor} said.",
    "Aid convoys reached {location} and the {newplace} camp, humanitarian workers said.",
    "{actor} denied reports that it had withdrawn from {location}.",
    "The offensive by {actor} threatens the fragile {agreement}, analysts said.",
    "Observers counted dozens of strikes on {location} and the outskirts of {location2}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _names(entity) -> list[str]:
    return [entity.title, *[a for a in entity.aliases if a not in entity.ambiguous]]


def synth(n: int, out: Path, docs: Path, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    registry = load_registry(docs)
    pools = {t: sorted((e for e in registry.entities.values() if e.type == t and not e.proposed), key=lambda e: e.key)
             for t in ("actors", "locations", "agreements")}
    out.mkdir(parents=True, exist_ok=True)
    start = date(2012, 1, 1)
    written = []
    for i in range(n):
        def pick(type_: str) -> str:
            return rng.choice(_names(rng.choice(pools[type_])))

        slots = lambda: {  # noqa: E731 — fresh choices for every sentence
            "actor": pick("actors"), "actor2": pick("actors"), "location": pick("locations"), "location2": pick("locations"),
            "agreement": pick("agreements"), "weekday": rng.choice(WEEKDAYS),
            "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "newplace": f"{rng.choice(PLACE_PARTS)} {rng.choice(PLACE_ROOTS)}",
        }
        paragraphs = [" ".join(rng.choice(SENTENCES).format(**slots()) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
        headline = rng.choice(SENTENCES).format(**slots()).rstrip(".")
        published = start + timedelta(days=rng.randrange(14 * 365))
        outlet = rng.choice(OUTLETS)
        lines = [rng.choice(CHROME_TOP)]
        if rng.random() < 0.8:
            lines += [headline, f"Published: {published.isoformat()}", paragraphs[0], headline]
        else:
            lines += [f"Published: {published.isoformat()}"]
        lines += paragraphs[1:]
        lines += [f"This article was translated and edited by {outlet}. {outlet} has not verified the content of this story.",
                  rng.choice(CHROME_BOTTOM)]
        path = out / f"{i:05d}_{rng.getrandbits(32):08x}.txt"
        path.write_text("\n\n".join(line for line in lines if line) + "\n", encoding="utf-8")
        written.append(path)
    return written

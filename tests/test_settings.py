"""Settings read from mkdocs.yml: the site's address and name, the maps' tile server."""

import pytest

from generator.settings import DEFAULTS, Settings

OSM = (DEFAULTS.map_tiles, DEFAULTS.map_attribution)


@pytest.mark.parametrize("config, tiles", [
    ("site_name: X\n", OSM),
    ("extra:\n  map_tiles: https://tiles.example.org/{z}/{x}/{y}.png\n  map_attribution: © Example\n",
     ("https://tiles.example.org/{z}/{x}/{y}.png", "© Example")),
    ("extra:\n  map_tiles: javascript:alert(1)//{z}\n", OSM),  # not a tile server: the default
    ("extra: nonsense\n", OSM),
    ("- a list\n", OSM),
])
def test_the_maps_tile_server_comes_from_extra_in_mkdocs_yml(tmp_path, config, tiles):
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    settings = Settings.read(tmp_path / "docs")
    assert (settings.map_tiles, settings.map_attribution) == tiles

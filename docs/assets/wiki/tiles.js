// Written by the generator from mkdocs.yml (extra.map_tiles, extra.map_attribution); edit those, not this.
window.SITUATION_WIKI_TILES = {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": "© OpenStreetMap contributors"};

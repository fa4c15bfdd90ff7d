import pytest

from generator.text.slugs import MAX_SLUG, slugify, unique_slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hayat Tahrir al-Sham", "hayat-tahrir-al-sham"),
        ("Erdoğan’s “deal”", "erdogans-deal"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("index", "index-page"),
        ("CON", "con-page"),
        ("lpt1", "lpt1-page"),
        ("Deir ez-Zor", "deir-ez-zor"),
    ],
)
def test_slugs(name, expected):
    assert slugify(name) == expected


@pytest.mark.parametrize("name", ["دير الزور", "🔥💣", "...", "", "\x00\x01"])
def test_names_without_latin_letters_get_a_stable_hashed_slug(name):
    slug = slugify(name)
    assert slug.startswith("x-") and slug == slugify(name) and slug.replace("-", "").isalnum()


def test_long_names_fit_file_name_limits():
    slug = slugify("word " * 100 + "x" * 500)
    assert 0 < len(slug) <= MAX_SLUG and not slug.endswith("-")


def test_names_differing_only_in_case_get_distinct_slugs():
    taken: set[str] = set()
    first = unique_slug("Idlib", taken)
    taken.add(first)
    second = unique_slug("IDLIB", taken)
    assert first == "idlib" and second == "idlib-2"

import pytest

from generator.content.registry import Registry
from generator.text.matcher import Matcher, name_variants
from generator.text.textnorm import fold
from tests.conftest import SMALL_REGISTRY, entity

MATCHER = Matcher(SMALL_REGISTRY)


def found(text: str) -> list[tuple[str, str]]:
    return [(h.surface, ",".join(sorted({c.slug for c in h.candidates}))) for h in MATCHER.find(text)]


@pytest.mark.parametrize(
    ("text", "surface", "slug"),
    [
        ("talks with Lavrentyev ended", "Lavrentyev", "alexander-lavrentyev"),  # transliteration variant
        ("talks with Lavrentiev ended", "Lavrentiev", "alexander-lavrentyev"),
        ("forces reached Bukamal on Monday", "Bukamal", "albu-kamal"),
        ("forces reached Abu Kamal on Monday", "Abu Kamal", "albu-kamal"),
        ("fighting in Deir-ez-Zor city", "Deir-ez-Zor", "deir-ez-zor"),  # hyphens for spaces
        ("fighting in Deir al Zor", "Deir al Zor", "deir-ez-zor"),
        ("President Erdogan said", "Erdogan", "recep-tayyip-erdogan"),  # accents folded
        ("shelling of Kafr A’wid", "Kafr A’wid", "kafr-awid"),  # curly apostrophe
        ("shelling of Kafr A'wid", "Kafr A'wid", "kafr-awid"),
        ("stopped at Ain Hour", "Ain Hour", "ain-al-hour"),  # Arabic article dropped
        ("Assad’s forces advanced", "Assad’s", "bashar-al-assad"),  # possessive
        ("Assads forces advanced", "Assads", "bashar-al-assad"),  # plain ASCII, apostrophe gone
        ("the Syrian Democratic Forces (SDF) said", "Syrian Democratic Forces", "syrian-democratic-forces"),
        ("the QSD said", "QSD", "syrian-democratic-forces"),  # acronym in another language
        ("DAESH fighters", "DAESH", "islamic-state"),
    ],
)
def test_alias_kinds_are_found(text, surface, slug):
    assert (surface, slug) in found(text)


def test_acronyms_match_only_their_case():
    assert found("the sdf and the SDF") == [("SDF", "syrian-democratic-forces")]


def test_names_inside_longer_words_do_not_match():
    assert found("Damascusian Tanfoglio Russians") == [("Russians", "russia")]


def test_longest_name_wins_over_a_name_inside_it():
    hits = found("Free Syrian Army units")
    assert hits == [("Free Syrian Army", "free-syrian-army")]


def test_fold_maps_back_to_original_offsets():
    text = "Erdoğan’s “deal”"
    folded, offsets = fold(text)
    assert folded.startswith("erdogans")
    assert text[offsets[folded.index("deal")]:].startswith("deal")


@pytest.mark.parametrize("text", [
    "Moscow and Ankara met in Manbij; the Manbij Council said Russia's envoy left Moscow.",
    "Turkish troops near Manbij Council offices",
    "nothing here",
])
def test_two_scans_merged_are_the_scan_of_one_matcher_with_both_names_and_change_neither(text):
    import copy

    new = [entity("actors", "manbij-council", "Manbij Council", aliases=["Moscow"], kind="organisation")]
    first, second = MATCHER.scan(text), Matcher(new).scan(text)
    kept = copy.deepcopy((first, second))
    merged = first.merged(second)
    assert merged == Matcher([*SMALL_REGISTRY, *new]).scan(text)
    assert (first, second) == kept


def test_variants_keep_short_names_whole():
    assert name_variants("Al-Bab") == {"al bab"}
    assert "ain hour" in name_variants("Ain al-Hour")


@pytest.mark.parametrize(("text", "expected"), [
    ("troops moved into the buffer zone in the Golan Heights on Sunday", [("agreements", "zone"), ("locations", "golan")]),
    ("troops moved into the buffer zone in the Golan on Sunday", [("agreements", "zone")]),  # no longer name crossed
])
def test_a_name_does_not_swallow_the_start_of_a_longer_name(text, expected):
    registry = Registry({e.key: e for e in [
        entity("agreements", "zone", "Area of Separation", aliases=["buffer zone", "buffer zone in the Golan"], kind="arrangement"),
        entity("locations", "golan", "Golan Heights", kind="region")]})
    assert [(c.type, c.slug) for h in registry.matcher.find(text) for c in h.candidates] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia's Defence Ministry said", [("Russia's Defence Ministry", "russian-defence-ministry")]),
    ("Türkiye’s Foreign Ministry said", [("Türkiye’s Foreign Ministry", "turkish-foreign-ministry")]),
    ("the United States' Central Command said", [("United States' Central Command", "us-central-command")]),
    ("Russia's allies said", [("Russia's", "russia")]),  # no actor of that name: the state alone
    # a state the registry keeps as its government: its one-word metonyms
    ("Syria's Defense Ministry said", [("Syria's Defense Ministry", "syrian-defence-ministry")]),
    ("Syria’s army has surrounded rebels", [("Syria’s army", "syrian-arab-army")]),
])
def test_an_actor_named_after_a_state_is_found_under_the_states_possessive(text, expected):
    registry = Registry({e.key: e for e in [
        entity("actors", "russia", "Russia", demonyms=["Russian"], kind="state"),
        entity("actors", "turkey", "Turkey", aliases=["Türkiye", "Republic of Turkey"], demonyms=["Turkish"], kind="state"),
        entity("actors", "united-states", "United States", aliases=["US"], demonyms=["American"], kind="state"),
        entity("actors", "russian-defence-ministry", "Russian Defence Ministry", kind="organisation"),
        entity("actors", "turkish-foreign-ministry", "Turkish Foreign Ministry", kind="organisation"),
        entity("actors", "us-central-command", "American Central Command", kind="organisation"),
        entity("actors", "syrian-government", "Syrian government", metonyms=["Syria", "Damascus"], kind="government"),
        entity("actors", "syrian-defence-ministry", "Syrian Defence Ministry", aliases=["Syrian Defense Ministry"],
               kind="organisation"),
        entity("actors", "syrian-arab-army", "Syrian Arab Army", aliases=["Syrian army"], kind="armed group")]})
    assert found_in(registry, text) == expected


def found_in(registry: Registry, text: str) -> list[tuple[str, str]]:
    return [(h.surface, ",".join(sorted({c.slug for c in h.candidates}))) for h in registry.matcher.find(text)]


@pytest.mark.parametrize(("text", "slugs"), [
    ("the shelling of Hama's eastern countryside", "hama"),  # the possessive of Hama, not Hamas with its "s"
    ("in Hama’s countryside", "hama"),
    ("Hamas's leader spoke", "hamas"),
])
def test_a_possessive_is_never_read_as_a_longer_name_ending_in_s(text, slugs):
    matcher = Matcher([entity("locations", "hama", "Hama", kind="city"),
                       entity("actors", "hamas", "Hamas", kind="armed group")])
    assert [",".join(sorted({c.slug for c in h.candidates})) for h in matcher.find(text)] == [slugs]


@pytest.mark.parametrize(("text", "surface"), [
    ("the U.N. refugee agency said", "U.N. refugee agency"),  # agencies' style: initialisms with stops
    ("the UN refugee agency said", "UN refugee agency"),
])
def test_an_initialism_with_stops_is_the_registrys_without(text, surface):
    matcher = Matcher([entity("actors", "unhcr", "UNHCR", aliases=["UN refugee agency"], kind="organisation")])
    assert [(h.surface, [c.slug for c in h.candidates]) for h in matcher.find(text)] == [(surface, ["unhcr"])]

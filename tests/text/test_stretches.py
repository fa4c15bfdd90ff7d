"""The speed shortcut of discovery: each stretched pattern finds, around its triggers, what it finds in the whole
text (the slow way)."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.text.discover import STRETCHED, TRIGGERS
from tests.conftest import ROOT

# Words and marks the stretched patterns turn on: their names' parts, triggers, and every kind of punctuation.
_PIECES = ["Al-", "al-", "Abu ", "Tel-", "Kafr", "Rukban", "Qa’im", "Shayrat", "Amman", "Russia", "Turkey", "Ahmad", "Hamza",
           "Ryan", "Dillon", "Çelik", "Ünal", "camp", "camps", "base", "air base", "airbase", "field", "dam", "damage",
           "crossing", "Hospital", "hospital", "water station", "collective centre", ", Syria", ", Southern Lebanon",
           "Initiative", "Talks", "Road Map", "Agreement", "memorandum", "talks", "truce", "spokesperson",
           "commander", "co-chair", "chairman", "head", "advisor", "the", "a", "its", "of", "and", "(MOC)", "(", ")", "&", "(A&B)",
           "U.N.", "UN", "United Nations", "Red Cross", " of the ", " from the ", "Military Operations Command", "spokesman,", "who", ", who",
           "Lt. Gen.", "Lt", "Gen.", "Dr.", "Mr", "Mr.", "Under-Secretary-General", "Rt. Hon.", "President", "Defence Minister",
           "minister", "Sheikh", "Sir", "town of ", "village of", "camp", "area of ", "towns such as ", "villages including ",
           "cities", " village", " town", "the ", " including ", " like ", "In ", "near ", "Dahr", " al-Jabal", "'s",
           " neighborhoods", " villages", "settlements of ", " (twice)", " told", " said", "Commission", "resident ", ", of the ", ", with the ", " al ",
           "8 June ", "June 8 ", "March 5th ", "deal", "cease-fire", "ceasefire", "road map", "agreement",
           " ", " ", " ", "  ", "\n", "\n\n", ",", ", ", ".", "-", "–", "—", "_", "’", "'", "\"", ":", ";", "2", "22", "é", "ß"]


@pytest.mark.parametrize("name", sorted(STRETCHED))
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@example("Defence Minister,  who")  # found by CI: the pattern allowed any spacing before "who", its trigger one space
@example("Under-Secretary-General, Southern Lebanon(MOC)")  # a name's end told by the mark after it, not by the stretch's end
def test_a_stretched_pattern_finds_what_the_pattern_finds_in_the_whole_text(name, text):
    assert [m.span() for m in TRIGGERS.scan(text).finditer(name)] == [m.span() for m in STRETCHED[name].pattern.finditer(text)]


def test_stretched_patterns_agree_with_the_whole_text_on_synthetic_and_real_articles(tmp_path):
    from generator.dev.bench import scaffold
    from generator.dev.synth import synth

    synth(300, tmp_path / "raw", scaffold(tmp_path), seed=13)
    real = [ROOT / "seeds", ROOT / "tests/eval/articles", *(ROOT / f"tests/eval/{name}/articles" for name in (
        "tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune14", "tune15", "tune16"))]
    texts = [p.read_text(encoding="utf-8") for folder in (tmp_path / "raw", *real) for p in sorted(folder.iterdir())]
    texts.append("A drone hit the Hasan Agha village. Shelling reached the Tal Tamr town, then the Kurdish-majority town. "
                 "Aid reached Aleppo's Handrat, al-Wasita and Jubb al-Hamir neighborhoods, the Tell, Kafr and Deir villages "
                 "and the Salah, Bustan and Masaken districts. Hadi Abdullah of the Syrian Revolution General Commission "
                 "told AFP. Rami Saleh from the Local Council said so; Omar Haddad of the Aid Committee says more. "
                 "Nasser Haj Mansour, of the Kurdish forces, said it; Khaled Jibreel, with the Front, told them; "
                 "Ali Hamed, from the council, added more.")
    for name, stretched in STRETCHED.items():
        whole = [[m.span() for m in stretched.pattern.finditer(t)] for t in texts]
        assert [[m.span() for m in TRIGGERS.scan(t).finditer(name)] for t in texts] == whole
        assert sum(map(len, whole)) >= 3  # the pattern is really exercised

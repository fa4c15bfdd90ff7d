import pytest

from generator.text.dateline import filed_from


@pytest.mark.parametrize(("dateline", "places"), [
    ("DAMASCUS, June 8 (Reuters) -", ["DAMASCUS"]),
    ("BEIRUT (AP) —", ["BEIRUT"]),
    ("WASHINGTON, Oct. 15, 2014 –", ["WASHINGTON"]),
    ("Idlib, Syria, March 3, 2020 (AFP) -", ["Idlib"]),  # the city: what follows it says where that is
    ("DEIR EZ-ZOR, Syria, 8 June 2019 (AFP) –", ["DEIR EZ-ZOR"]),
    ("BEIRUT/AMMAN (AP) —", ["BEIRUT", "AMMAN"]),
    ("MOSCOW —", ["MOSCOW"]),  # a place in capitals alone, as cleaning keeps it
    ("CAIRO / NEW YORK –", ["CAIRO", "NEW YORK"]),
    ("BEIRUT, LEBANON (1:27 P.M.) –", ["BEIRUT"]),
    ("Geneva/Damascus, 20 June 2012 –", ["Geneva", "Damascus"]),  # in title case, with a full date
    ("Geneva, March 3 -", []),  # without a year: the start of a sentence ("Geneva, March 3 - talks resumed")
    ("In Idlib, March 3, 2020 -", []),
    ("", []),
    ("Tabnak –", []),  # an outlet, not a dateline
])
def test_filed_from_is_the_datelines_place(dateline, places):
    assert filed_from(dateline) == places

"""What a name looks like in English news text, shared by the discovery of people, places and bodies.

A name is a run of capitalised words, with the particles Arabic names carry ("al-", "bin", "Abu");
a generic word ("the", "northern", "forces", "Monday") never makes one, whatever its case.
"""

from __future__ import annotations

import re

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NAMES = frozenset(MONTHS.split("|"))
UPPER, LOWER = "A-ZÀ-ÖØ-ÞŞĞİÇ", "a-zß-öø-ÿşğıç’'"
# A token starts with a capital or with the a/e/b/i of al-, el-, abu-, bin-, ibn-: the lookahead in front of it says so,
# so that most words fail one test rather than every alternative.
TOKEN = (rf"(?=[{UPPER}aebi])(?:[{UPPER}](?:a?c[{UPPER}]|['’][{UPPER}])?[{LOWER}]+(?:-"
           rf"[{UPPER}]?[{LOWER}]+)*|(?:al|el|Al|El|Abu|abu|bin|ibn|Bin|Ibn|Umm|Tel|Tal)-[{UPPER}][{LOWER}]+)")
PERSON = rf"(?P<name>{TOKEN}(?:[^\S\n]+(?:al-|el-|bin\s|ibn\s|abu\s|Abu\s|de\s|van\s|von\s|Al-)?{TOKEN}){{1,3}})"
PLACE_BARE = rf"(?:{TOKEN}(?:-\d+)?(?:\s+(?:al-|el-|Al-|al\s+|el\s+)?{TOKEN}){{0,2}}|(?:al|el)-[A-Z][a-z’']+)"  # "Khirbat al Ghazalah"
PLACE = rf"(?P<name>{PLACE_BARE})"
POSSESSOR = re.compile(r"[^\s’']+['’]s\s+")  # "Aleppo's " before a name of its own
GENERIC = frozenset(
    """the a an this that these those its their his her our my new old last next first second third final previous
    former current recent joint local regional national international islamic arab syrian russian turkish american
    iranian israeli iraqi jordanian lebanese kurdish western eastern northern southern central north south east west
    government army forces force ministry state states council president minister regime opposition rebels rebel
    coalition agreement deal talks meeting summit conference city town village camp base area region province
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december however meanwhile according also after before during while since although
    in on at by for from with of and or but as his security defense defence foreign interior military general
    colonel commander spokesman spokesperson official officials sources source news agency press times media
    daily post observer monitor network television tv radio channel report reports reuters afp ap bbc cnn statement
    operation operations peace human rights un united nations european union washington-based moscow-based
    palestinian informal makeshift nearby main largest besieged field public private primary secondary high""".split()
)

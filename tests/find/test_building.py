"""Building the index: key terms take one id per distinct word."""

import sqlite3

from reader.find.building import KeyTermBuilder


def test_a_word_takes_an_id_only_the_first_time_it_is_seen() -> None:
    builder = KeyTermBuilder(sqlite3.connect(":memory:"), total=100, language="en")
    body = ["kidney", "kidney", "stones", "stones", "pain", "pain", "water", "water"]
    for rowid in range(1, 51):
        builder.add(rowid, [[], [], [], body])
    builder.add(51, [[], [], [], ["liver", "liver"]])
    # Ids stay dense (they size the idf and term lists): not one id per word per article.
    assert sorted(builder.word_ids.values()) == [1, 2, 3, 4, 5]


def test_a_word_said_once_is_not_a_key_term() -> None:
    builder = KeyTermBuilder(sqlite3.connect(":memory:"), total=10, language="en")
    builder.add(1, [["kidney"], [], [], ["stones", "water", "water"]])
    assert set(builder.word_ids) == {"kidney", "water"}  # a title word counts three times

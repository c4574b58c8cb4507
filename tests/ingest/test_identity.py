"""Content ids: trivially different copies of a text get the same id."""

from __future__ import annotations

import re

from dossier.ingest import content_id

TEXT = "The mayor said: “We’ll rebuild the pier — soon.”\n\nWork starts in May."


def test_id_is_16_hex_digits() -> None:
    assert re.fullmatch(r"[0-9a-f]{16}", content_id(TEXT))


def test_whitespace_differences_give_the_same_id() -> None:
    variant = "  The mayor  said: “We’ll rebuild the pier — soon.”\r\nWork starts\tin May. \n"
    assert content_id(variant) == content_id(TEXT)


def test_quote_dash_and_case_differences_give_the_same_id() -> None:
    variant = 'THE MAYOR SAID: "WE\'LL REBUILD THE PIER - SOON."\nWork starts in May.'
    assert content_id(variant) == content_id(TEXT)


def test_compatibility_characters_give_the_same_id() -> None:
    variant = TEXT.replace("May", "Ｍａｙ").replace(" ", "\u00a0", 2)
    assert content_id(variant) == content_id(TEXT)


def test_different_text_gives_a_different_id() -> None:
    assert content_id(TEXT.replace("May", "June")) != content_id(TEXT)

"""Language detection: each article's language, None for a text too short to tell."""

from __future__ import annotations

import pytest

from dossier.ingest.language import detect

TEXTS = {
    "en": "The committee will meet again next week to decide whether the new rules on "
    "fishing quotas should apply to the smaller boats as well.",
    "fr": "Le comité se réunira de nouveau la semaine prochaine pour décider si les "
    "nouvelles règles sur les quotas de pêche doivent aussi s'appliquer aux petits bateaux.",
    "de": "Der Ausschuss wird sich nächste Woche erneut treffen, um zu entscheiden, ob die "
    "neuen Regeln für Fangquoten auch für die kleineren Boote gelten sollen.",
    "ru": "Комитет снова соберётся на следующей неделе, чтобы решить, должны ли новые "
    "правила о квотах на вылов применяться и к небольшим лодкам.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_paragraph_is_detected_in_its_language(lang: str) -> None:
    assert detect(TEXTS[lang]) == lang


def test_a_text_too_short_to_tell_has_no_language() -> None:
    assert detect("OK, 12.") is None

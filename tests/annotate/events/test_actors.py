"""CAMEO-style actor codes from actor phrases."""

from __future__ import annotations

import pytest

from dossier.annotate.events.actors import actor_code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian troops", "RUSMIL"),
        ("the Japanese government", "JPNGOV"),
        ("Hungarian and Romanian officials", "HUNGOV+ROUGOV"),
        ("NATO", "IGO"),
        ("rebels in Uganda", "UGAREB"),
        ("Both countries", ""),
    ],
)
def test_actor_code(text: str, code: str) -> None:
    assert actor_code(text) == code


def test_office_holder_is_dated() -> None:
    assert actor_code("Angela Merkel", "2015-06-01") == "DEUGOV"
    assert actor_code("Angela Merkel", "2023-06-01") == ""

"""Background triggers: events a sentence names only as the setting of its own happening.

The object of a preposition of time dates the happening ('rebels fled after [the
bombing]'); the object of a word of answering tells its cause ('expelled two diplomats in
response to [the arrest] of its consul', 'in retaliation for [the raid]'). Neither is a
happening the sentence reports.
"""

from __future__ import annotations

from typing import Any

# Prepositions of time whose object is a reference point, not a happening the sentence
# reports ('after the bombing', 'since the invasion', 'following the killing of ...').
BACKGROUND_PREPS = frozenset(
    {"after", "before", "since", "following", "during", "amid", "amidst", "despite"}
)
# Words of answering whose 'for' or 'to' object is the act answered, told as the cause of
# the sentence's happening, not as a happening of its own ('expelled two diplomats in
# response to [the arrest] of its consul', 'as punishment for [the protests]', 'retaliated
# for [the bombing]').
ANSWERING = frozenset(
    {"response", "retaliation", "reprisal", "revenge", "punishment", "reaction", "answer"}
)
ANSWERING_VERBS = frozenset({"retaliate", "respond", "react"})
# Words that with 'of' make a preposition of time ('on the eve of', 'ahead of').
TIME_OF = frozenset({"eve", "ahead"})


def background(word: Any) -> bool:
    """Whether a trigger word (a light verb's, for a noun it lends to) only dates the
    sentence's happening: the object of a preposition of time ('rebels fled after [the
    bombing]', 'arrested after [attacking] a guard'); or tells what it answers ('in
    retaliation for [the raid]')."""
    for _ in range(3):  # through coordination: 'after the raids and [the arrests]'
        if word.dep_ != "conj" or word.head.i == word.i:
            break
        word = word.head
    prep = word.head
    if word.dep_ not in ("pobj", "pcomp"):
        return False
    if prep.lower_ in BACKGROUND_PREPS or prep.lower_ == "because":
        return True  # 'because of the fighting': the cause, as with answering below
    if prep.lower_ == "of" and prep.head.lemma_.lower() in TIME_OF:
        return True
    if prep.lower_ not in ("for", "to"):
        return False
    # the parser often hangs 'for' on the verb: 'recalled its envoy in retaliation | for'
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    return _answering(prep.head) or (before.pos_ == "NOUN" and _answering(before))


def _answering(word: Any) -> bool:
    """'in response', 'in retaliation', 'as punishment', 'retaliated': a word of answering
    whose object is the act answered."""
    lemma = word.lemma_.lower()
    if word.pos_ == "VERB":
        return lemma in ANSWERING_VERBS
    return lemma in ANSWERING and word.dep_ == "pobj" and word.head.lower_ in ("in", "as")

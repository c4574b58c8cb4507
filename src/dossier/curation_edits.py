"""Curation of the resolution itself: merging two entities, splitting mentions off an
entity into a new one, and moving an event mention to another timeline row.

Each change is one audit row (see :mod:`dossier.curation`) whose body names the mentions
it concerns, never only the ids the resolver made. The resolve stage applies every
standing change again: :func:`reapply_entities` after entities are resolved,
:func:`reapply_moves` after the timeline rows are rebuilt, so the changes survive later
ingests and ``resolve --all``. Undoing one rebuilds the resolution without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dossier.errors import NotFound, QueryError
from dossier.records import Entity, Mention
from dossier.store.sql_state import name_fold

if TYPE_CHECKING:
    from dossier.api import Dossier
    from dossier.curation import Change
    from dossier.resolve.timeline.engine import TimelineEngine
    from dossier.resolve.timeline.rules import Cluster
    from dossier.resolve.timeline.state import TimelineChanges
    from dossier.store import Store

ENTITY_ACTIONS = ("merge", "split")
EDIT_ACTIONS = (*ENTITY_ACTIONS, "move")
SPLIT_PREFIX = "ent_cur"  # the id of an entity a split made: this, then the change's id


def _entity(db: Dossier, entity_id: str) -> Entity:
    found = db.store.entities_by_id([entity_id])
    if entity_id not in found:
        raise NotFound(f"no entity with id {entity_id!r}: see `dossier entities --json`")
    return found[entity_id]


def _record(db: Dossier, action: str, target: str, body: dict[str, Any], by: str) -> Change:
    from dossier.curation import _change

    events = [body["event_id"], body["to_event"]] if action == "move" else []
    with db.store.transaction():
        cid = db.store.add_curation(action, target, body, by, events[:1])
        refresh(db.store, moved_events=events)
    return _change(db.store.curation([cid])[0])


# ------------------------------------------------------------------------ entities
def merge_entities(db: Dossier, source_id: str, into_id: str, by: str) -> Change:
    """Merge entity ``source_id`` into ``into_id``: every mention of the first (now and
    in later ingests) resolves to the second, which takes its names as aliases."""
    if source_id == into_id:
        raise QueryError(f"cannot merge entity {source_id!r} into itself: give two entities")
    src, into = _entity(db, source_id), _entity(db, into_id)
    body = {
        "from": src.id,
        "into": into.id,
        "names": [src.name, *src.aliases],
        "from_mentions": [m.id for m in db.store.mentions_of_entities([src.id])],
        "into_mentions": [m.id for m in db.store.mentions_of_entities([into.id])],
    }
    if not body["from_mentions"] or not body["into_mentions"]:
        raise QueryError("only entities with mentions can be merged: see `dossier entities`")
    return _record(db, "merge", into.id, body, by)


def split_entity(
    db: Dossier,
    entity_id: str,
    mention_ids: Sequence[str] = (),
    alias: str | None = None,
    name: str | None = None,
    by: str = "api",
) -> Change:
    """Split mentions off an entity into a new one: those ``mention_ids``, or every
    mention written as ``alias``. The new entity is called ``name`` (default: how the
    mentions are most often written)."""
    ent = _entity(db, entity_id)
    held = {m.id: m for m in db.store.mentions_of_entities([ent.id])}
    if alias is not None:
        chosen = [m for m in held.values() if name_fold(m.text) == name_fold(alias)]
        if not chosen:
            names = ", ".join(sorted({m.text for m in held.values()}))
            raise QueryError(f"entity {ent.id} has no mention written {alias!r}: it has {names}")
    elif mention_ids:
        missing = [m for m in mention_ids if m not in held]
        if missing:
            raise NotFound(
                f"mention {missing[0]!r} is not a mention of entity {ent.id}: see "
                f"`dossier entities --json` or GET /api/entities/{ent.id}"
            )
        chosen = [held[m] for m in dict.fromkeys(mention_ids)]
    else:
        raise QueryError("give the mentions to split off (--mention) or an --alias")
    if len(chosen) == len(held):
        raise QueryError(f"that is every mention of entity {ent.id}: nothing would be left")
    label = name or Counter(m.text for m in chosen).most_common(1)[0][0]
    body = {"from": ent.id, "mentions": [m.id for m in chosen], "name": label, "alias": alias}
    return _record(db, "split", ent.id, body, by)


def reapply_entities(store: Store) -> list[str]:
    """Apply every standing merge and split to the resolved entities, oldest first;
    returns the mentions whose entity changed."""
    moved: list[str] = []
    for change in store.standing_curation(ENTITY_ACTIONS):
        body, cid = change["body"], int(change["id"])
        if change["action"] == "merge":
            moved += _apply_merge(store, body)
        else:
            moved += _apply_split(store, body, cid)
    return moved


def _apply_merge(store: Store, body: dict[str, Any]) -> list[str]:
    now = store.mention_entities([*body["into_mentions"], *body["from_mentions"]])
    target = next((now[m][0] for m in body["into_mentions"] if m in now and now[m][0]), None)
    sources = {x for m in body["from_mentions"] if m in now for x in now[m] if x} - {target}
    # mentions a later split took off stay split (it is applied after this merge)
    sources = {x for x in sources if not x.startswith(SPLIT_PREFIX) or x == body["from"]}
    if target is None:
        return []
    mids = [m.id for m in store.mentions_of_entities(sources)] if sources else []
    store.set_mention_entity(mids, target)
    found = store.entities_by_id([target, *sources])
    names = [n for s in sources if s in found for n in (found[s].name, *found[s].aliases)]
    _rewrite(store, found.get(target), [*body["names"], *names], [*sources, target])
    return mids


def _apply_split(store: Store, body: dict[str, Any], cid: int) -> list[str]:
    mentions = store.mentions_by_id(body["mentions"])
    new_id = f"{SPLIT_PREFIX}{cid}"
    todo = [m for m in mentions if m.entity_id != new_id]
    if not todo:
        return []
    old = {m.entity_id for m in todo if m.entity_id}
    store.set_mention_entity([m.id for m in todo], new_id)
    store.replace_entities([_new_entity(new_id, str(body["name"]), mentions)], [])
    for eid, ent in store.entities_by_id(old).items():
        left = {name_fold(m.text) for m in store.mentions_of_entities([eid])}
        aliases = [a for a in ent.aliases if name_fold(a) in left]
        _rewrite(store, Entity(**{**vars(ent), "aliases": aliases}), [], [eid])
    return [m.id for m in todo]


def _new_entity(eid: str, name: str, mentions: Sequence[Mention]) -> Entity:
    kind = Counter(m.type for m in mentions).most_common(1)[0][0]
    aliases = [name, *sorted({m.text for m in mentions} - {name})]
    roles = sorted({m.role for m in mentions if m.role})
    return Entity(eid, name, kind, aliases, roles, len(mentions))


def _rewrite(store: Store, ent: Entity | None, names: Sequence[str], ids: Sequence[str]) -> None:
    """Write ``ent`` with ``names`` added to its aliases and its mentions counted again;
    drop the entities of ``ids`` left without mentions."""
    counts = store.mention_counts(ids)
    gone = [i for i in ids if not counts.get(i)]
    keep: list[Entity] = []
    if ent is not None and counts.get(ent.id):
        aliases = list(ent.aliases)
        seen = {name_fold(a) for a in [ent.name, *aliases]}
        for a in names:
            if name_fold(a) not in seen:
                seen.add(name_fold(a))
                aliases.append(a)
        fixed = Entity(**{**vars(ent), "aliases": aliases, "mentions": counts[ent.id]})
        if fixed != ent:
            keep.append(fixed)
    if keep or gone:
        store.replace_entities(keep, gone)


# ------------------------------------------------------------------------ timeline
def move_event(db: Dossier, event_id: str, timeline_id: str, by: str) -> Change:
    """Move an event mention into another timeline row (id or unique prefix); it stays
    there through later ingests and ``resolve --all``."""
    rows = db.store.row_by_prefix(timeline_id)
    if len(rows) != 1:
        raise NotFound(f"no single timeline row with id {timeline_id!r}: see `dossier timeline`")
    if not db.store.events_by_id([event_id]):
        raise NotFound(f"no event mention with id {event_id!r}: see `dossier events --json`")
    row = rows[0]
    if event_id in row.event_ids:
        raise QueryError(f"event {event_id} is already in row {row.id}")
    body = {"event_id": event_id, "to_row": row.id, "to_event": row.event_ids[0]}
    return _record(db, "move", event_id, body, by)


def reapply_moves(store: Store, engine: TimelineEngine, changes: TimelineChanges) -> None:
    """Put each moved event mention back into the row of the mention it was moved to,
    among the rows this resolve rebuilds (reading a stored row in when one is needed)."""
    touched = False
    for change in store.standing_curation(["move"]):
        body = change["body"]
        event, to = str(body["event_id"]), str(body["to_event"])
        have = _holder(changes, event), _holder(changes, to)
        if have == (None, None):
            continue
        src = have[0] if have[0] is not None else _load(store, engine, changes, event)
        dst = have[1] if have[1] is not None else _load(store, engine, changes, to)
        if src is None or dst is None or src is dst:
            continue
        _take(src, dst, event, f"moved here by curation {change['id']}")
        touched = True
    if touched:
        _resummarise(changes)


def _holder(changes: TimelineChanges, event_id: str) -> Cluster | None:
    for built in changes.rows:
        if any(m.event.id == event_id for m in [*built.cluster.members, *built.cluster.attached]):
            return built.cluster
    return None


def _load(
    store: Store, engine: TimelineEngine, changes: TimelineChanges, event_id: str
) -> Cluster | None:
    from dossier.resolve.timeline.rules import Cluster
    from dossier.resolve.timeline.state import BuiltRow, summary

    rid = store.rows_of_events([event_id]).get(event_id)
    states = engine.rows([rid]) if rid and rid not in changes.removed else []
    if not states:
        return None
    state = states[0]
    engine.load(list(state.members))
    layer = {e: lay for e, (lay, _) in state.members.items()}
    ms = [m for e in state.members if (m := engine.mention(e)) is not None]
    members = [m for m in ms if layer[m.event.id] == "anchored"]
    attached = [m for m in ms if layer[m.event.id] != "anchored"]
    family = str(state.summary.get("family") or ms[0].family) if ms else ""
    why = {e: w for e, (_, w) in state.members.items()}
    cluster = Cluster(family, members or attached[:1], why, attached if members else attached[1:])
    changes.removed.add(rid or "")
    changes.rows.append(BuiltRow(cluster, summary(cluster, None)))
    return cluster


def _take(src: Cluster, dst: Cluster, event_id: str, why: str) -> None:
    m = next(x for x in [*src.members, *src.attached] if x.event.id == event_id)
    src.members = [x for x in src.members if x is not m]
    src.attached = [x for x in src.attached if x is not m]
    if not src.members and src.attached:
        src.members = [src.attached.pop(0)]
    dst.attached.append(m)
    dst.why[event_id] = why


def _resummarise(changes: TimelineChanges) -> None:
    from dossier.resolve.timeline.rows import make_row
    from dossier.resolve.timeline.state import BuiltRow, summary

    changes.rows = [
        BuiltRow(b.cluster, summary(b.cluster, make_row(b.cluster).date))
        for b in changes.rows
        if b.cluster.members
    ]


# ------------------------------------------------------------------------- refresh
def refresh(store: Store, moved_events: Sequence[str] = ()) -> None:
    """Apply the standing entity changes, and rebuild the rows of the events whose
    entities changed (and of ``moved_events``)."""
    from dossier.resolution import resolve_events

    moved = reapply_entities(store)
    dirty = {*store.events_of_mentions(moved), *(e for e in moved_events if e)}
    if dirty:
        resolve_events(store, dirty)

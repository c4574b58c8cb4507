"""Cross-document event resolution: event mentions into real-world events.

Public API::

    from dossier.resolve.events import EventMention, EventResolver, cluster_mentions

    clusters = cluster_mentions(mentions)        # mention id -> event id, one batch
    resolver = EventResolver(); resolver.add(batch); resolver.add(next_batch)
    resolver.clusters(); resolver.explain(id_a, id_b)
    explain(mention_a, mention_b)                # one pair on its own
"""

from __future__ import annotations

from dossier.resolve.events.mention import EventMention
from dossier.resolve.events.resolver import EventResolver, cluster_mentions, explain

__all__ = ["EventMention", "EventResolver", "cluster_mentions", "explain"]

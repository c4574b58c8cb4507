"""dossier: news articles in, a sourced and queryable story record out.

import dossier
db = dossier.open("story.sqlite")
db.ingest(["articles/"])
for row in db.timeline():
    print(row.entry.date, row.entry.code_name, row.entry.sources)
"""

from dossier.api import Dossier, IngestReport, open
from dossier.errors import DossierError
from dossier.query import Filters

__all__ = ["Dossier", "DossierError", "Filters", "IngestReport", "open"]
__version__ = "0.1.0"

"""Analytics on networkx: adoption events, diffusion, gaps, peer groups, co-adoption and paths.

Every answer is computed from one projection of the graph per store (`projection.py`),
patched per document as documents come and go; the API, the CLI and the exports call
the functions re-exported here with a `View` from ``view(store)``::

    with view(store) as v:
        rows = filter_events(v, programme="yi-wang-tong-guan")
"""

from app.analytics.adoption import (
    ADOPTION_COLUMNS,
    UnknownFilter,
    adoption_events,
    diffusion_curve,
    filter_events,
)
from app.analytics.coadoption import UnknownProgramme, co_adopted, programme_spread
from app.analytics.exports import FACT_COLUMNS, FACT_TABLES, export_tables, fact_rows, graph_version
from app.analytics.paths import UnknownNode, connecting_paths
from app.analytics.peers import UnknownPlace, community_of, peer_groups, programme_gaps, similarity_graph
from app.analytics.projection import Fact, Projection
from app.analytics.state import View, adopt_kept_projection, keep_projection, refresh, view
from app.analytics.tables import csv_text, write_csv

__all__ = [
    "ADOPTION_COLUMNS",
    "FACT_COLUMNS",
    "FACT_TABLES",
    "Fact",
    "Projection",
    "UnknownFilter",
    "UnknownNode",
    "UnknownPlace",
    "UnknownProgramme",
    "View",
    "adopt_kept_projection",
    "adoption_events",
    "co_adopted",
    "community_of",
    "connecting_paths",
    "csv_text",
    "diffusion_curve",
    "export_tables",
    "fact_rows",
    "filter_events",
    "graph_version",
    "keep_projection",
    "peer_groups",
    "programme_gaps",
    "programme_spread",
    "refresh",
    "similarity_graph",
    "view",
    "write_csv",
]

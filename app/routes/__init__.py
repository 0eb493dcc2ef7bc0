"""HTTP routers, one per resource."""

from app.routes.analytics import router as analytics_router
from app.routes.cypher import router as cypher_router
from app.routes.documents import router as documents_router
from app.routes.entities import agencies_router, indicators_router, policies_router, projects_router
from app.routes.graph import router as graph_router
from app.routes.places import router as places_router
from app.routes.programmes import router as programmes_router
from app.routes.queries import router as queries_router
from app.routes.search import router as search_router
from app.routes.sparql import router as sparql_router
from app.routes.stats import router as stats_router
from app.routes.versions import router as versions_router

__all__ = [
    "analytics_router",
    "agencies_router",
    "cypher_router",
    "documents_router",
    "graph_router",
    "indicators_router",
    "places_router",
    "policies_router",
    "programmes_router",
    "projects_router",
    "queries_router",
    "search_router",
    "sparql_router",
    "stats_router",
    "versions_router",
]

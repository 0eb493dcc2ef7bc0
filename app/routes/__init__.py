"""HTTP routers, one per resource."""

from app.routes.sparql import router as sparql_router

__all__ = ["sparql_router"]

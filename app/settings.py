"""The one configuration object of citykg, read from ``CITYKG_*`` environment variables.

Build it once (``Settings()``) at the edge (CLI, ``create_app``) and pass it in;
deeper code receives values, never reads ``os.environ``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["PLACEHOLDER_SECRETS", "Settings"]

MIN_API_KEY_LENGTH = 16
# STYLE.md: "A placeholder such as `changeme` is refused at startup outside dev mode."
PLACEHOLDER_SECRETS = frozenset(
    {"", "changeme", "change-me", "change_me", "secret", "password", "apikey", "api-key", "xxx", "todo"}
)


class Settings(BaseSettings):
    """citykg settings; every field can be set as ``CITYKG_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(
        env_prefix="CITYKG_",
        env_file=None,
        extra="ignore",
        frozen=True,
        populate_by_name=True,
        use_attribute_docstrings=True,
        # A refused setting must not print the secrets beside it (issue 8: the Neo4j password showed).
        hide_input_in_errors=True,
    )

    data_dir: Path = Field(
        default=Path("./data"),
        validation_alias=AliasChoices("data_dir", "CITYKG_DATA_DIR", "CITYKG_DATA"),
    )
    """Folder for local state: the Oxigraph store lives in `<data_dir>/oxigraph` (`CITYKG_DATA` is accepted too)."""

    query_timeout_s: float = Field(default=10.0, gt=0)
    """Seconds a `/sparql` query may run before it is stopped and answered with 503."""

    query_workers: int = Field(default=3, ge=1, le=64)
    """Worker processes that run `/sparql` queries (a runaway kills only its worker); with 2 or more, one is kept for quick queries."""

    query_queue: int = Field(default=8, ge=0)
    """Queries that may wait for a busy `/sparql` worker; more are answered 503 with `Retry-After`."""

    max_rows: int = Field(default=10_000, ge=1)
    """Most result rows (or triples) a query returns; longer results are cut and flagged `X-Citykg-Truncated: true`."""

    max_file_mb: float = Field(default=20.0, gt=0)
    """Largest document, in megabytes, accepted for ingestion."""

    max_body_kb: int = Field(default=512, ge=1)
    """Largest request body, in kilobytes, of every route but `POST /documents` (a query, a form)."""

    api_key: SecretStr | None = None
    """Key that authorises ingestion over HTTP; unset disables HTTP ingestion. Placeholders are refused unless `dev`."""

    dev: bool = False
    """Development mode: allows placeholder secrets and other conveniences unfit for production."""

    host: str = "127.0.0.1"
    """Interface `citykg serve` listens on."""

    port: int = Field(default=8000, ge=0, le=65535)
    """TCP port `citykg serve` listens on."""

    public_url: str | None = None
    """The URL users reach the server at (behind a proxy); names the endpoint in `/sparql`'s service description."""

    neo4j_uri: str | None = None
    """Bolt URI of a Neo4j 5 server to mirror the graph into; unset means Neo4j is off."""

    neo4j_user: str | None = None
    """Neo4j user name."""

    neo4j_password: SecretStr | None = None
    """Neo4j password (no default)."""

    neo4j_database: str | None = None
    """Neo4j database name; unset means the server's default database."""

    cypher_memory_mb: int = Field(default=1024, ge=16)
    """Most memory, in megabytes, one Cypher query may take in the embedded FalkorDB before it is stopped."""

    falkordb: bool = True
    """Start the embedded FalkorDB (Cypher) as a child process on a unix socket in `data_dir`."""

    sparql_query_url: str | None = None
    """Query endpoint of a remote SPARQL 1.1 store (Fuseki `http://host:3030/ds/query`); set, it replaces the embedded Oxigraph."""

    sparql_update_url: str | None = None
    """Update endpoint of the remote store (Fuseki `http://host:3030/ds/update`); unset, the remote store is read-only."""

    sparql_gsp_url: str | None = None
    """Graph Store Protocol endpoint of the remote store (Fuseki `http://host:3030/ds/data`); set, a document's graph is replaced by one HTTP PUT."""

    sparql_user: str | None = None
    """User name for HTTP basic authentication at the remote SPARQL endpoints."""

    sparql_password: SecretStr | None = None
    """Password for the remote SPARQL endpoints (no default)."""

    @field_validator(
        "sparql_query_url",
        "sparql_update_url",
        "sparql_gsp_url",
        "sparql_user",
        "sparql_password",
        "api_key",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        # docker-compose passes `${CITYKG_API_KEY:-}` through as an empty string when unset: it was
        # refused as a placeholder key, so the compose file's api did not start without a key.
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _need_query_url(self) -> Settings:
        # Writing to a store the app cannot read back would leave /sparql and the API on the local folder.
        if not self.sparql_query_url and (self.sparql_update_url or self.sparql_gsp_url):
            raise ValueError(
                "CITYKG_SPARQL_UPDATE_URL or CITYKG_SPARQL_GSP_URL is set without CITYKG_SPARQL_QUERY_URL; "
                "set the query endpoint of the same store too"
            )
        for name in ("sparql_query_url", "sparql_update_url", "sparql_gsp_url"):
            url = getattr(self, name)
            if url is not None and not url.startswith(("http://", "https://")):
                raise ValueError(f"CITYKG_{name.upper()} must be an http:// or https:// URL, got {url!r}")
        return self

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> Settings:
        if self.dev:
            return self
        for name in ("api_key", "neo4j_password", "sparql_password"):
            secret = getattr(self, name)
            if secret is not None and secret.get_secret_value().strip().lower() in PLACEHOLDER_SECRETS:
                raise ValueError(
                    f"CITYKG_{name.upper()} is a placeholder; set a real secret or CITYKG_DEV=true for development"
                )
        # A key anyone could guess in a few tries (issue 8: "a" was accepted) guards nothing.
        if self.api_key is not None and len(self.api_key.get_secret_value().strip()) < MIN_API_KEY_LENGTH:
            raise ValueError(
                f"CITYKG_API_KEY is shorter than {MIN_API_KEY_LENGTH} characters; use a long random key "
                "(python -c 'import secrets; print(secrets.token_urlsafe(24))')"
            )
        return self

    @property
    def store_path(self) -> Path:
        """Return the folder of the on-disk Oxigraph store."""
        return self.data_dir / "oxigraph"

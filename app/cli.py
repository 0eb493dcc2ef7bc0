"""The `citykg` command line: thin faces on the library (results to stdout, progress and logs to stderr)."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from app import stopping
from app.analytics import ADOPTION_COLUMNS, adoption_events, export_tables, view, write_csv
from app.neo4j_import import export_neo4j_import
from app.settings import Settings
from app.stats import graph_stats
from app.versions import read_log, recording
from graphstore.build import FileProblem, UnknownDocument, build, expand_paths, remove_document
from graphstore.sparql import QueryError, StoreUnavailable
from graphstore.store import Store, StoreBusy, lock_folder
from graphstore.stores import RdfStore, open_store
from loaders.documents import DocumentError, read_document
from loaders.extract import extract
from loaders.facts import facts_view

if TYPE_CHECKING:
    from graphstore.graphsink import GraphSink

cli = typer.Typer(
    name="citykg",
    help="A knowledge graph of Chinese digital-city initiatives.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True)
Paths = Annotated[
    list[Path], typer.Argument(help="Files or folders (.txt .md .html .docx .pdf).", show_default=False)
]


def _settings() -> Settings:
    return Settings()


def _open_store(settings: Settings, *, reading: bool = False) -> RdfStore:
    """Return the settings' store; a command that only reads gets a read-only view of a busy data folder."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if reading and not settings.sparql_query_url:
        try:
            return open_store(settings, workers=1)
        except StoreBusy:
            # Issue 8: stats, query and export work while the server runs, on the state it last wrote.
            err.print(
                f"citykg: {settings.store_path} is in use by another process; reading a read-only view of it",
                highlight=False,
                soft_wrap=True,
            )
            return Store.open_read_only(settings.store_path)
    with _store_errors():
        return open_store(settings, workers=1)


def _adopt_derived(store: RdfStore) -> None:
    """Take up the REST index and the analytics projection kept beside the store, before a write.

    `_keep_derived` then patches them with the documents written instead of reading every
    document again: at 30,000 documents that took six minutes after every `citykg build`.
    """
    from app.analytics import adopt_kept_projection
    from app.index import adopt_kept_index

    adopt_kept_index(store)
    adopt_kept_projection(store)


def _keep_derived(store: RdfStore) -> None:
    """Bring the REST index, the analytics projection and the search index up to date and keep them on disk.

    The server then loads them at start-up instead of reading every document (app/saved.py).
    """
    from app.analytics import keep_projection, refresh
    from app.index import graph_index, keep_index
    from app.search import keep_search, prepare

    graph_index(store)
    keep_index()
    refresh(store)
    keep_projection()
    prepare(store)
    keep_search()


@contextlib.contextmanager
def _store_errors() -> Iterator[None]:
    """Turn a busy data folder or an unreachable (or read-only) remote store into one line and exit 1."""
    try:
        yield
    except (StoreBusy, StoreUnavailable) as error:
        err.print(f"citykg: {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


@cli.command("build")
def build_command(
    paths: Paths,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Replace the whole graph with these documents (bulk load; atomic swap). A document whose "
            "text and file are unchanged and that this version of the extractor read keeps its graph.",
        ),
    ] = False,
    extract_again: Annotated[
        bool,
        typer.Option(
            "--extract-again", help="With --rebuild: extract every document again, keeping no graph."
        ),
    ] = False,
) -> None:
    """Read documents, extract their facts and load them into the graph (one named graph each).

    Example: citykg build demo/corpus ../shared/corpus/seeds/000_edac9852d62c9736.txt
    """
    settings = _settings()
    files = [p for p in expand_paths(paths)]
    with _open_store(settings) as store, _store_errors(), _progress() as progress, _sink(settings) as sink:
        task = progress.add_task("building", total=len(files))
        written = store.version
        if not rebuild:
            _adopt_derived(store)
        with recording(store, settings.data_dir, "rebuild" if rebuild else "build"), stopping.deferred():

            def advance(_: object) -> None:
                progress.advance(task)
                stopping.checkpoint()  # a SIGTERM ends the build here, between documents

            report = build(
                paths,
                store,
                max_bytes=int(settings.max_file_mb * 1024 * 1024),
                on_file=advance,
                rebuild=rebuild,
                reuse=not extract_again,
                mirror=sink,
            )
        if store.version != written:
            progress.add_task("indexing", total=None)
            _keep_derived(store)
    if report.mirror_error:
        _mirror_failed(report.mirror_error)
    for problem in report.problems:
        err.print(f"[red]skipped[/red] {problem.problem}", highlight=False)
    facts = ", ".join(f"{n} {kind}" for kind, n in sorted(report.facts.items()))
    err.print(
        f"{report.documents} documents, {report.triples} triples ({facts}) in {report.seconds:.2f} s; "
        f"{report.unchanged} unchanged, {report.reused} kept as read before, {len(report.problems)} skipped",
        highlight=False,
    )
    typer.echo(json.dumps({**report.as_dict(), "mirror": report.mirror}, ensure_ascii=False))
    if report.problems:
        raise typer.Exit(1)


@cli.command("sync")
def sync_command(
    full: Annotated[
        bool, typer.Option("--full", help="Rewrite every document, not only missing ones.")
    ] = False,
) -> None:
    """Bring the property-graph mirror (embedded FalkorDB or Neo4j) in step with the RDF store.

    Example: citykg sync --full
    """
    from graphstore.graphsink import open_sink
    from graphstore.mirror import resync

    settings = _settings()
    with _open_store(settings) as store:
        sink = open_sink(settings)
        if sink is None:
            err.print(
                "no mirror is configured (CITYKG_FALKORDB=false and CITYKG_NEO4J_URI unset)", highlight=False
            )
            raise typer.Exit(1)
        try:
            report = resync(store, sink, full=full)
        finally:
            sink.close()
    typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))


@cli.command("extract")
def extract_command(
    paths: Paths,
    format: Annotated[
        str, typer.Option("--format", "-f", help="json (SCHEMA.md facts) or ttl (the RDF).")
    ] = "json",
) -> None:
    """Print the facts read from documents, without loading them.

    Example: citykg extract ../shared/corpus/seeds/*.txt --format json > out.json
    """
    from loaders.rdf import document_quads

    facts: list[dict[str, Any]] = []
    quads = []
    failed = False
    for item in expand_paths(paths):
        if isinstance(item, FileProblem):
            err.print(f"[red]skipped[/red] {item.problem}", highlight=False)
            failed = True
            continue
        try:
            extraction = extract(read_document(item))
        except DocumentError as error:
            err.print(f"[red]skipped[/red] {error}", highlight=False)
            failed = True
            continue
        facts.append(facts_view(extraction))
        if format != "json":
            quads += document_quads(extraction)
    if format == "json":
        typer.echo(json.dumps(facts[0] if len(facts) == 1 else facts, ensure_ascii=False, indent=2))
    elif format in ("ttl", "trig"):
        from pyoxigraph import RdfFormat, serialize

        typer.echo((serialize(quads, format=RdfFormat.TRIG) or b"").decode())
    else:
        raise typer.BadParameter(f"unknown format {format!r}: use json or ttl", param_hint="--format")
    if failed:
        raise typer.Exit(1)


@cli.command("query")
def query_command(
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL query (or use -f FILE.rq).")] = None,
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Read the query from a file.")] = None,
    format: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """Run a read-only SPARQL query on the graph.

    Example: citykg query -f queries/programmes_by_place.rq --format csv
    """
    from app.queries import load_queries

    if file is None and sparql is None:
        raise typer.BadParameter("give a query or -f FILE.rq")
    if file is not None:
        # A canned query (queries/*.rq) runs with its default parameters bound.
        canned = {q.name: q for q in load_queries(file.resolve().parent)} if file.suffix == ".rq" else {}
        text = canned[file.stem].bind() if file.stem in canned else file.read_text(encoding="utf-8")
    else:
        text = sparql or ""
    settings = _settings()
    formats = {"table": "json", "json": "json", "csv": "csv"}
    if format not in formats:
        raise typer.BadParameter(f"unknown format {format!r}: use table, json or csv", param_hint="--format")
    store = _open_store(settings, reading=True)
    try:
        result, problem = (
            store.query(
                text, timeout_s=None, max_rows=settings.max_rows, formats={"solutions": formats[format]}
            ),
            None,
        )
    except QueryError as error:
        result, problem = None, str(error)
    # Closed only once the error is handled: a live traceback would keep the store's lock.
    store.close()
    if result is None:
        err.print(f"[red]query failed:[/red] {problem}", highlight=False)
        raise typer.Exit(2)
    if format == "table" and result.kind == "solutions":
        rows = result.bindings()
        table = Table(*(rows[0].keys() if rows else ["(no rows)"]))
        for row in rows:
            table.add_row(*(v or "" for v in row.values()))
        Console().print(table)
    else:
        sys.stdout.write(result.body.decode("utf-8"))


@cli.command("stats")
def stats_command() -> None:
    """Print counts of documents, triples, places, programmes and facts in the graph.

    Example: citykg stats
    """
    with _open_store(_settings(), reading=True) as store, _store_errors():
        typer.echo(json.dumps(graph_stats(store), ensure_ascii=False, indent=2))


@cli.command("versions")
def versions_command() -> None:
    """Print the graph versions (the builds that changed the loaded documents) as JSON, newest first.

    Example: citykg versions
    """
    settings = _settings()
    with _open_store(settings, reading=True) as store, _store_errors():
        log = read_log(store, settings.data_dir)
    typer.echo(json.dumps(log[::-1], ensure_ascii=False, indent=2))


@cli.command("export")
def export_command(
    format: Annotated[
        str,
        typer.Option(
            "--format",
            help="nq, trig, ttl or jsonld (the graph); adoption-csv (a table); csv (a folder of tables, -o DIR); "
            "neo4j-import (node and relationship files for neo4j-admin database import, -o DIR).",
        ),
    ] = "nq",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Write the whole graph (every named graph) in an RDF format, or tables as CSV.

    adoption-csv has one row per place and programme with its first evidence; the columns
    are those of GET /adoption (README, API). csv writes into the folder -o names adoption.csv,
    one table per fact kind (runs_programme.csv, located_in.csv, cites_policy.csv,
    subject_place.csv) and manifest.json (the graph version, columns and row counts).
    neo4j-import writes into the folder -o names one node file per label set and one
    relationship file per type in neo4j-admin's import format, and manifest.json with the
    graph version, row counts and the neo4j-admin command that imports them.

    Example: citykg export --format adoption-csv -o adoption.csv
    """
    if format not in ("nq", "trig", "ttl", "jsonld", "adoption-csv", "csv", "neo4j-import"):
        raise typer.BadParameter(
            f"unknown format {format!r}: use nq, trig, ttl, jsonld, adoption-csv, csv or neo4j-import",
            param_hint="--format",
        )
    if format in ("csv", "neo4j-import") and output is None:
        raise typer.BadParameter(
            f"--format {format} writes a folder of files: name it with -o DIR", param_hint="-o"
        )
    with _open_store(_settings(), reading=True) as store, _store_errors():
        if format == "neo4j-import" and output is not None:
            typer.echo(json.dumps(export_neo4j_import(store, output), ensure_ascii=False, indent=2))
        elif format == "csv" and output is not None:
            with view(store) as v:
                typer.echo(json.dumps(export_tables(v, output), ensure_ascii=False, indent=2))
        elif format == "adoption-csv":
            with (
                view(store) as v,
                output.open("w", encoding="utf-8", newline="") if output else _stdout() as out,
            ):
                rows = write_csv(adoption_events(v), ADOPTION_COLUMNS, out)
            err.print(f"{rows} adoption events", highlight=False)
        elif output is None:
            store.export(format, sys.stdout.buffer)  # type: ignore[arg-type]
        else:
            with output.open("wb") as out_bytes:
                store.export(format, out_bytes)  # type: ignore[arg-type]


def _stdout() -> contextlib.nullcontext[TextIO]:
    """Return stdout as a context that leaves it open."""
    return contextlib.nullcontext(sys.stdout)


@cli.command("remove")
def remove_command(
    document: Annotated[str, typer.Argument(help="A document id, file name or path.")],
) -> None:
    """Remove exactly one document's facts (its named graph) from the graph.

    Example: citykg remove 000_edac9852d62c9736.txt
    """
    settings = _settings()
    with _open_store(settings) as store, _store_errors():
        _adopt_derived(store)
        try:
            with recording(store, settings.data_dir, "remove"):
                removed = remove_document(store, document)
        except UnknownDocument as error:
            err.print(f"[red]{error}[/red]", highlight=False)
            raise typer.Exit(1) from None
        _keep_derived(store)
        mirrored = _mirror(settings, store, [])
    typer.echo(json.dumps({"removed_quads": removed, "mirror": mirrored}))


@cli.command("serve")
def serve_command(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve the API, /sparql and the web front end.

    Example: citykg serve --port 8000
    """
    import uvicorn

    settings = _settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if not settings.sparql_query_url:
        try:
            lock_folder(settings.store_path).close()  # a one-line answer now, not a traceback at start-up
        except StoreBusy as error:
            err.print(f"citykg: {error}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
    err.print(f"citykg on http://{host or settings.host}:{port or settings.port}", highlight=False)
    uvicorn.run(
        "app.main:create_app", factory=True, host=host or settings.host, port=port or settings.port, workers=1
    )


@contextlib.contextmanager
def _sink(settings: Settings) -> Iterator[GraphSink | None]:
    """Yield the settings' mirror, closed afterwards; None when there is none or it cannot be reached."""
    from graphstore.graphsink import open_sink

    try:
        sink = open_sink(settings)
    except Exception as error:  # the RDF store is the source of truth; `citykg sync` catches up later
        _mirror_failed(str(error))
        sink = None
    try:
        yield sink
    finally:
        if sink is not None:
            sink.close()


def _mirror_failed(error: str) -> None:
    err.print(
        f"[yellow]mirror not updated:[/yellow] {error}; run `citykg sync` when it is back",
        highlight=False,
    )


def _mirror(settings: Settings, store: RdfStore, doc_ids: list[str]) -> dict[str, object] | None:
    """Keep the property-graph mirror in step after a change; a mirror that fails is reported, not fatal."""
    from graphstore.mirror import mirror_documents

    with _sink(settings) as sink:
        if sink is None:
            return None
        try:
            # mirror.py names the Oxigraph class but reads only what every RdfStore offers.
            return mirror_documents(store, sink, doc_ids, prune=True).as_dict()
        except Exception as error:
            _mirror_failed(str(error))
            return None


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def main() -> None:
    """Run the command line."""
    stopping.install()
    cli()


if __name__ == "__main__":
    main()

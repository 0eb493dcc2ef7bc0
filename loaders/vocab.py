"""The terms of ontology/citykg.ttl as a closed Python namespace, plus the standard ones we reuse.

`CK` knows exactly the terms declared in `citykg.ttl` (tests/test_ontology.py checks both
directions), so a typo fails where it is written instead of minting a stray IRI:

>>> CK.runsProgramme
<NamedNode value=https://w3id.org/citykg/ontology#runsProgramme>
>>> try:
...     CK.runProgramme
... except UndeclaredTerm as error:
...     print(error)
ck:runProgramme is not declared in ontology/citykg.ttl
>>> SKOS.prefLabel.value
'http://www.w3.org/2004/02/skos/core#prefLabel'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pyoxigraph import NamedNode

__all__ = [
    "BASE",
    "CK",
    "CK_NS",
    "CK_TERMS",
    "ClosedNamespace",
    "DCT",
    "INDICATORS_TTL",
    "INDICATOR_SCHEME",
    "Namespace",
    "ONTOLOGY_DIR",
    "ONTOLOGY_TTL",
    "ORG",
    "OWL",
    "PROGRAMMES_TTL",
    "PROGRAMME_SCHEME",
    "PROV",
    "QB",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SHAPES_TTL",
    "SKOS",
    "UndeclaredTerm",
    "XSD",
]

BASE = "https://w3id.org/citykg/"
CK_NS = "https://w3id.org/citykg/ontology#"

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_TTL = ONTOLOGY_DIR / "citykg.ttl"
PROGRAMMES_TTL = ONTOLOGY_DIR / "programmes.ttl"
INDICATORS_TTL = ONTOLOGY_DIR / "indicators.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"

PROGRAMME_SCHEME = NamedNode(BASE + "scheme/programmes")
INDICATOR_SCHEME = NamedNode(BASE + "scheme/indicators")

# Every term declared in ontology/citykg.ttl, sorted; tests/test_ontology.py keeps the two equal.
CK_TERMS: tuple[str, ...] = (
    "AdministrativeLevel",
    "Agency",
    "Country",
    "District",
    "Document",
    "Event",
    "Evidence",
    "Facility",
    "Indicator",
    "Observation",
    "Park",
    "Place",
    "Platform",
    "Policy",
    "Prefecture",
    "Programme",
    "Project",
    "Province",
    "citesPolicy",
    "contentHash",
    "defaultUnit",
    "discovered",
    "divisionCode",
    "extractorVersion",
    "factCount",
    "fileName",
    "firstLaunchedBy",
    "genericPhrase",
    "hasObservation",
    "indicator",
    "indicatorLabel",
    "issuerName",
    "level",
    "locatedIn",
    "mentionEnd",
    "mentionStart",
    "mentionsPlace",
    "projectKind",
    "qualifier",
    "quote",
    "quoteCount",
    "refArea",
    "refPeriod",
    "runsProgramme",
    "sentenceEnd",
    "sentenceStart",
    "shortName",
    "subjectPlace",
    "text",
    "unit",
    "value",
)


class UndeclaredTerm(AttributeError):
    """A term that the closed namespace does not declare was asked for."""


class Namespace:
    """An open namespace: any attribute or item is an IRI under `base`.

    >>> RDF.type
    <NamedNode value=http://www.w3.org/1999/02/22-rdf-syntax-ns#type>
    >>> SCHEMA["containedInPlace"].value
    'https://schema.org/containedInPlace'
    """

    # Terms asked for are kept as instance attributes: the RDF writer and a rebuild's counting ask for
    # the same few terms millions of times, and a found attribute never reaches __getattr__ again.
    __slots__ = ("_base", "__dict__")

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> NamedNode:
        # Private and dunder lookups (copy, pickle, doctest's __wrapped__ probe) are not terms.
        if name.startswith("_"):
            raise AttributeError(name)
        node = self.__dict__[name] = NamedNode(self._base + name)
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._base + name)

    def __repr__(self) -> str:
        return f"Namespace({self._base!r})"


class ClosedNamespace:
    """A namespace that only knows the terms it was given; others raise `UndeclaredTerm`.

    The namespace has no public attributes of its own, so every term name (even `text` or
    `value`) reaches the lookup.

    >>> ns = ClosedNamespace("https://example.org/#", ["a"], source="example.ttl")
    >>> ns.a.value
    'https://example.org/#a'
    >>> "b" in ns
    False
    """

    __slots__ = ("_base", "_nodes", "_source", "__dict__")

    def __init__(self, base: str, terms: Iterable[str], *, source: str) -> None:
        self._base = base
        self._source = source
        self._nodes = {term: NamedNode(base + term) for term in terms}
        self.__dict__.update(self._nodes)  # declared terms are plain attributes (see Namespace)

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self._nodes.get(name)
        return node if node is not None else self[name]

    def __getitem__(self, name: str) -> NamedNode:
        try:
            return self._nodes[name]
        except KeyError:
            raise UndeclaredTerm(f"ck:{name} is not declared in {self._source}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._nodes

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._nodes))

    def __len__(self) -> int:
        return len(self._nodes)

    def __dir__(self) -> list[str]:
        return sorted(self._nodes)

    def __repr__(self) -> str:
        return f"ClosedNamespace({self._base!r}, {len(self._nodes)} terms)"


CK = ClosedNamespace(CK_NS, CK_TERMS, source="ontology/citykg.ttl")

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
QB = Namespace("http://purl.org/linked-data/cube#")
DCT = Namespace("http://purl.org/dc/terms/")

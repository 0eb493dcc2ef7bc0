"""The ontology, the programme and indicator schemes, the SHACL shapes and their Python mirror."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from loaders import vocab
from loaders.vocab import (
    CK,
    CK_NS,
    CK_TERMS,
    INDICATOR_SCHEME,
    INDICATORS_TTL,
    ONTOLOGY_DIR,
    ONTOLOGY_TTL,
    PROGRAMME_SCHEME,
    PROGRAMMES_TTL,
    SHAPES_TTL,
    UndeclaredTerm,
)

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/citykg/"
PROV_NS = "http://www.w3.org/ns/prov#"
ORG_NS = "http://www.w3.org/ns/org#"
SCHEMA_NS = "https://schema.org/"
QB_NS = "http://purl.org/linked-data/cube#"
SH_NS = "http://www.w3.org/ns/shacl#"

# Declared terms that no code or query names, each with the reason.
INTENTIONALLY_UNUSED: dict[str, str] = {
    "AdministrativeLevel": "only the rdf:type of ck:Country/Province/Prefecture/District inside citykg.ttl;"
    " data points at the four individuals, never at the class",
}

# Platforms, apps and facilities are projects (ck:Project), never programmes.
PROJECT_NAMES = ("城市大脑", "浙里办", "随申办", "12345热线", "我的扬州App", "粤省事", "政务云")


def _slug(name: str) -> str:
    """Return the IRI slug of a Chinese name (ontology/README.md).

    >>> _slug("互联网+监管")
    'hu-lian-wang-jian-guan'
    """
    syllables = (re.sub(r"[^a-z0-9]", "", part.lower()) for part in lazy_pinyin(name, style=Style.NORMAL))
    return "-".join(syllable for syllable in syllables if syllable)


def _parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return _parse(ONTOLOGY_TTL)


@pytest.fixture(scope="session")
def programmes() -> Graph:
    return _parse(PROGRAMMES_TTL)


@pytest.fixture(scope="session")
def indicators() -> Graph:
    return _parse(INDICATORS_TTL)


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return _parse(SHAPES_TTL)


@pytest.fixture(scope="session")
def declared(ontology: Graph) -> set[str]:
    return {str(s)[len(CK_NS) :] for s in ontology.subjects() if str(s).startswith(CK_NS)}


def _ck_iris(graph: Graph) -> set[str]:
    return {str(node) for triple in graph for node in triple if str(node).startswith(CK_NS)}


def _source_files() -> list[Path]:
    files = [
        path
        for folder in ("app", "loaders")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "node_modules" not in path.parts and path.name != "vocab.py"
    ]
    return files + sorted((ROOT / "queries").glob("*.rq")) + sorted((ROOT / "queries").glob("*.cypher"))


_PYTHON_TERM = re.compile(r"\bCK\.(\w+)|\bCK\[\s*[\"'](\w+)[\"']\s*\]")
_PREFIXED_TERM = re.compile(r"\bck:(\w+)|\bck__(\w+)|" + re.escape(CK_NS) + r"(\w+)")
# n10s-style mirrors name labels, relationship types and properties by local name.
_CYPHER_NAME = re.compile(r"[:.]\s*`?(\w+)")


def _terms_named_in(path: Path) -> set[str]:
    """Return the ck terms a source or query file names explicitly (CK.x, ck:x, ck__x, full IRI)."""
    text = path.read_text(encoding="utf-8")
    found = {name for match in _PREFIXED_TERM.finditer(text) for name in match.groups() if name}
    if path.suffix == ".py":
        found |= {name for match in _PYTHON_TERM.finditer(text) for name in match.groups() if name}
    return found


def _terms_used_in(path: Path, declared: set[str]) -> set[str]:
    """Return the declared terms a file uses, counting Cypher's bare local names too."""
    used = _terms_named_in(path) & declared
    if path.suffix == ".cypher":
        used |= set(_CYPHER_NAME.findall(path.read_text(encoding="utf-8"))) & declared
    return used


def _concepts(graph: Graph, scheme: str) -> set[URIRef]:
    return {s for s in graph.subjects(SKOS.inScheme, URIRef(scheme)) if isinstance(s, URIRef)}


def _labels(graph: Graph, concept: URIRef, predicate: URIRef, lang: str) -> list[str]:
    return [
        str(o) for o in graph.objects(concept, predicate) if isinstance(o, Literal) and o.language == lang
    ]


# ---------------------------------------------------------------- files and the Python mirror


@pytest.mark.parametrize("path", sorted(ONTOLOGY_DIR.glob("*.ttl")), ids=lambda p: p.name)
def test_every_ontology_file_parses_as_turtle(path: Path) -> None:
    assert len(_parse(path)) > 0


def test_vocab_lists_exactly_the_terms_declared_in_citykg_ttl(declared: set[str]) -> None:
    assert list(CK_TERMS) == sorted(set(CK_TERMS)), "CK_TERMS must be sorted and unique"
    assert set(CK_TERMS) - declared == set(), "in loaders/vocab.py but not declared in citykg.ttl"
    assert declared - set(CK_TERMS) == set(), "declared in citykg.ttl but missing from loaders/vocab.py"


def test_vocab_exports_a_sorted_all_of_existing_names() -> None:
    assert vocab.__all__ == sorted(vocab.__all__)
    assert all(hasattr(vocab, name) for name in vocab.__all__)


def test_ck_gives_named_nodes_for_declared_terms_and_raises_for_others() -> None:
    assert CK.runsProgramme.value == CK_NS + "runsProgramme"
    assert CK["text"].value == CK_NS + "text"
    with pytest.raises(UndeclaredTerm):
        _ = CK.runProgramme
    with pytest.raises(AttributeError):
        _ = CK.runProgramme


def test_every_ck_iri_in_the_ontology_folder_is_declared(declared: set[str]) -> None:
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        undeclared = {iri[len(CK_NS) :] for iri in _ck_iris(_parse(path))} - declared
        assert undeclared == set(), f"{path.name} uses undeclared terms"


def test_every_ck_term_named_in_code_and_queries_is_declared(declared: set[str]) -> None:
    undeclared = {
        f"{path.relative_to(ROOT)}: {term}"
        for path in _source_files()
        for term in _terms_named_in(path) - declared
    }
    assert sorted(undeclared) == [], "declare these in ontology/citykg.ttl and loaders/vocab.py"


@pytest.mark.skipif(
    not (ROOT / "loaders" / "rdf.py").exists(),
    reason="loaders/rdf.py, which writes most terms, does not exist yet",
)
def test_every_declared_term_is_used_in_code_queries_or_schemes(declared: set[str]) -> None:
    used: set[str] = set()
    for path in [*_source_files(), PROGRAMMES_TTL, INDICATORS_TTL]:
        used |= _terms_used_in(path, declared)
    unused = declared - used - set(INTENTIONALLY_UNUSED)
    assert sorted(unused) == [], (
        "use these through CK.<term>, or list them in INTENTIONALLY_UNUSED with a reason"
    )
    stale = set(INTENTIONALLY_UNUSED) & used
    assert sorted(stale) == [], "these are used now: remove them from INTENTIONALLY_UNUSED"


def test_intentionally_unused_terms_are_declared_and_have_reasons(declared: set[str]) -> None:
    assert set(INTENTIONALLY_UNUSED) <= declared
    assert all(reason.strip() for reason in INTENTIONALLY_UNUSED.values())


# ---------------------------------------------------------------- the ontology


def test_every_declared_term_has_zh_and_en_labels_and_comments(ontology: Graph, declared: set[str]) -> None:
    for term in sorted(declared):
        iri = URIRef(CK_NS + term)
        for predicate in (RDFS.label, RDFS.comment):
            langs = sorted(o.language or "" for o in ontology.objects(iri, predicate))
            assert langs == ["en", "zh"], f"ck:{term} {predicate}"


def test_every_property_has_a_domain_and_a_range(ontology: Graph) -> None:
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    assert len(properties) > 20
    for prop in properties:
        assert (prop, RDFS.domain, None) in ontology, prop
        assert (prop, RDFS.range, None) in ontology, prop


@pytest.mark.parametrize(
    ("cls", "parent"),
    [
        ("Place", SCHEMA_NS + "AdministrativeArea"),
        ("Programme", str(SKOS.Concept)),
        ("Indicator", str(SKOS.Concept)),
        ("Agency", ORG_NS + "Organization"),
        ("Observation", QB_NS + "Observation"),
        ("Policy", str(DCTERMS.BibliographicResource)),
        ("Document", PROV_NS + "Entity"),
        ("Evidence", PROV_NS + "Entity"),
        ("Evidence", str(RDF.Statement)),
        ("Platform", CK_NS + "Project"),
        ("Park", CK_NS + "Project"),
        ("Facility", CK_NS + "Project"),
        ("Event", CK_NS + "Project"),
    ],
)
def test_classes_specialise_the_reused_standards(ontology: Graph, cls: str, parent: str) -> None:
    assert (URIRef(CK_NS + cls), RDFS.subClassOf, URIRef(parent)) in ontology


def test_the_four_levels_are_administrative_level_individuals(ontology: Graph) -> None:
    levels = set(ontology.subjects(RDF.type, URIRef(CK_NS + "AdministrativeLevel")))
    assert levels == {URIRef(CK_NS + name) for name in ("Country", "Province", "Prefecture", "District")}


def test_observation_properties_are_data_cube_components(ontology: Graph) -> None:
    kinds = {
        "refArea": "DimensionProperty",
        "refPeriod": "DimensionProperty",
        "indicator": "DimensionProperty",
        "value": "MeasureProperty",
        "unit": "AttributeProperty",
        "qualifier": "AttributeProperty",
    }
    for term, kind in kinds.items():
        assert (URIRef(CK_NS + term), RDF.type, URIRef(QB_NS + kind)) in ontology, term


# ---------------------------------------------------------------- the schemes


@pytest.mark.parametrize(
    ("ttl", "scheme", "cls", "minimum"),
    [
        (PROGRAMMES_TTL, PROGRAMME_SCHEME.value, "Programme", 60),
        (INDICATORS_TTL, INDICATOR_SCHEME.value, "Indicator", 30),
    ],
    ids=["programmes", "indicators"],
)
class TestScheme:
    def test_every_concept_has_one_zh_and_one_en_label_and_definitions(
        self, ttl: Path, scheme: str, cls: str, minimum: int
    ) -> None:
        graph = _parse(ttl)
        concepts = _concepts(graph, scheme)
        assert len(concepts) >= minimum
        for concept in concepts:
            assert (concept, RDF.type, URIRef(CK_NS + cls)) in graph, concept
            for lang in ("zh", "en"):
                assert len(_labels(graph, concept, SKOS.prefLabel, lang)) == 1, (concept, lang)
                assert len(_labels(graph, concept, SKOS.definition, lang)) == 1, (concept, lang)
            alt_langs = {o.language for o in graph.objects(concept, SKOS.altLabel) if isinstance(o, Literal)}
            assert alt_langs <= {"zh"}, concept

    def test_iris_are_the_slug_of_the_zh_preflabel(
        self, ttl: Path, scheme: str, cls: str, minimum: int
    ) -> None:
        graph = _parse(ttl)
        folder = "programme" if cls == "Programme" else "indicator"
        for concept in _concepts(graph, scheme):
            (label,) = _labels(graph, concept, SKOS.prefLabel, "zh")
            assert str(concept) == f"{BASE}{folder}/{_slug(label)}", label

    def test_no_label_names_two_concepts(self, ttl: Path, scheme: str, cls: str, minimum: int) -> None:
        graph = _parse(ttl)
        owners: dict[str, set[URIRef]] = defaultdict(set)
        for concept in _concepts(graph, scheme):
            for predicate in (SKOS.prefLabel, SKOS.altLabel):
                for label in _labels(graph, concept, predicate, "zh"):
                    owners[label].add(concept)
        shared = {label: sorted(concepts) for label, concepts in owners.items() if len(concepts) > 1}
        assert shared == {}
        for concept in _concepts(graph, scheme):
            assert not set(_labels(graph, concept, SKOS.altLabel, "zh")) & set(
                _labels(graph, concept, SKOS.prefLabel, "zh")
            ), concept

    def test_broader_and_related_stay_inside_the_scheme_and_do_not_overlap(
        self, ttl: Path, scheme: str, cls: str, minimum: int
    ) -> None:
        graph = _parse(ttl)
        concepts = _concepts(graph, scheme)
        for predicate in (SKOS.broader, SKOS.related):
            for s, o in graph.subject_objects(predicate):
                assert s in concepts and o in concepts and s != o, (s, predicate, o)
        for concept in concepts:
            ancestors = set(graph.transitive_objects(concept, SKOS.broader)) - {concept}
            related = set(graph.objects(concept, SKOS.related))
            # SKOS integrity: skos:related is disjoint with skos:broaderTransitive
            assert not related & ancestors, concept

    def test_broader_has_no_cycles(self, ttl: Path, scheme: str, cls: str, minimum: int) -> None:
        graph = _parse(ttl)
        for concept in _concepts(graph, scheme):
            parents = list(graph.objects(concept, SKOS.broader))
            seen: set[URIRef] = set()
            while parents:
                parent = parents.pop()
                assert parent != concept, f"{concept} is its own ancestor"
                if parent not in seen:
                    seen.add(parent)
                    parents.extend(graph.objects(parent, SKOS.broader))

    def test_top_concepts_are_declared_both_ways_and_have_no_broader(
        self, ttl: Path, scheme: str, cls: str, minimum: int
    ) -> None:
        graph = _parse(ttl)
        tops = set(graph.subjects(SKOS.topConceptOf, URIRef(scheme)))
        assert tops
        assert tops == set(graph.objects(URIRef(scheme), SKOS.hasTopConcept))
        assert all((top, SKOS.broader, None) not in graph for top in tops)


def _programme(label: str) -> URIRef:
    return URIRef(f"{BASE}programme/{_slug(label)}")


def test_slug_keeps_ascii_letters_and_digits_and_drops_the_rest() -> None:
    assert _slug("一网通办") == "yi-wang-tong-ban"
    assert _slug("互联网+监管") == "hu-lian-wang-jian-guan"
    assert _slug("5G基站") == "5g-ji-zhan"
    assert _slug("10G-PON端口") == "10gpon-duan-kou"


def test_zui_duo_pao_yi_ci_yi_wang_tong_ban_and_bu_jian_mian_shen_pi_are_kin(programmes: Graph) -> None:
    one_network = _programme("一网通办")
    for kin in ("最多跑一次", "不见面审批", "一次办好", "一窗受理", "一网统管", "一网协同"):
        assert (one_network, SKOS.related, _programme(kin)) in programmes, kin
        assert (_programme(kin), SKOS.related, one_network) in programmes, kin
    assert (one_network, SKOS.broader, _programme("互联网+政务服务")) in programmes


def test_zui_duo_pao_yi_ci_gai_ge_is_an_alias_of_zui_duo_pao_yi_ci(programmes: Graph) -> None:
    concept = _programme("最多跑一次")
    assert "最多跑一次改革" in _labels(programmes, concept, SKOS.altLabel, "zh")


def test_related_programmes_link_both_ways(programmes: Graph) -> None:
    for s, o in programmes.subject_objects(SKOS.related):
        assert (o, SKOS.related, s) in programmes, (s, o)


def test_platforms_and_apps_are_not_programmes(programmes: Graph) -> None:
    labels = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in programmes.objects(None, p)}
    assert labels & set(PROJECT_NAMES) == set()


def test_first_launched_by_points_at_a_place_iri(programmes: Graph) -> None:
    places = list(programmes.objects(None, URIRef(CK_NS + "firstLaunchedBy")))
    assert places
    assert all(re.fullmatch(re.escape(BASE) + r"place/\d{6}", str(place)) for place in places)


def test_default_units_are_plain_strings(indicators: Graph) -> None:
    units = list(indicators.objects(None, URIRef(CK_NS + "defaultUnit")))
    assert units
    assert all(
        isinstance(u, Literal) and u.language is None and u.datatype in (None, XSD.string) for u in units
    )


# ---------------------------------------------------------------- the shapes


def test_shape_targets_are_declared_classes(shapes: Graph, ontology: Graph) -> None:
    targets = set(shapes.objects(None, URIRef(SH_NS + "targetClass")))
    assert len(targets) >= 8
    for target in targets:
        assert (target, RDF.type, OWL.Class) in ontology, target


_WELL_FORMED = """
@prefix ck: <https://w3id.org/citykg/ontology#> .
@prefix place: <https://w3id.org/citykg/place/> .
@prefix prog: <https://w3id.org/citykg/programme/> .
@prefix ind: <https://w3id.org/citykg/indicator/> .
@prefix doc: <https://w3id.org/citykg/document/> .
@prefix ev: <https://w3id.org/citykg/evidence/> .
@prefix obs: <https://w3id.org/citykg/observation/> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

place:100000 a ck:Place ; rdfs:label "中国"@zh ; ck:divisionCode "100000" ; ck:level ck:Country .
place:320000 a ck:Place ; rdfs:label "江苏省"@zh ; ck:shortName "江苏"@zh ; ck:divisionCode "320000" ;
    ck:level ck:Province ; schema:containedInPlace place:100000 .
place:321000 a ck:Place ; rdfs:label "扬州市"@zh , "Yangzhou"@en ; ck:divisionCode "321000" ;
    ck:level ck:Prefecture ; schema:containedInPlace place:320000 ;
    schema:latitude 32.39 ; schema:longitude 119.41 .

doc:0123456789abcdef a ck:Document ; dct:title "扬州市数字化建设情况"@zh ;
    ck:contentHash "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" ;
    ck:text "扬州市推进一网通办。全市建成5G基站8210个。" ; ck:fileName "yz.txt" ;
    ck:subjectPlace place:321000 ; ck:citesPolicy <https://w3id.org/citykg/policy/shu-zi-zhong-guo> .
<https://w3id.org/citykg/policy/shu-zi-zhong-guo> a ck:Policy ; dct:title "数字中国建设整体布局规划"@zh ;
    ck:issuerName "中共中央、国务院" .

place:321000 ck:runsProgramme prog:yi-wang-tong-ban ; ck:hasObservation obs:0123456789abcdef\\/1 .
ev:0123456789abcdef\\/0 a ck:Evidence ;
    rdf:subject place:321000 ; rdf:predicate ck:runsProgramme ; rdf:object prog:yi-wang-tong-ban ;
    prov:wasQuotedFrom doc:0123456789abcdef ; ck:quote "扬州市推进一网通办。" ;
    ck:sentenceStart 0 ; ck:sentenceEnd 10 ; ck:mentionStart 5 ; ck:mentionEnd 9 .

obs:0123456789abcdef\\/1 a ck:Observation ; ck:refArea place:321000 ; ck:indicator ind:5g-ji-zhan ;
    ck:indicatorLabel "5G基站"@zh ; ck:value 8210.0 ; ck:unit "个" ; ck:refPeriod "2023"^^xsd:gYear ;
    ck:qualifier "=" ; prov:wasDerivedFrom ev:0123456789abcdef\\/1 .
ev:0123456789abcdef\\/1 a ck:Evidence ;
    rdf:subject place:321000 ; rdf:predicate ck:hasObservation ; rdf:object obs:0123456789abcdef\\/1 ;
    prov:wasQuotedFrom doc:0123456789abcdef ; ck:quote "全市建成5G基站8210个。" ;
    ck:sentenceStart 10 ; ck:sentenceEnd 24 ; ck:mentionStart 14 ; ck:mentionEnd 23 .

<https://w3id.org/citykg/agency/321000/yang-zhou-shi-da-shu-ju-ju> a ck:Agency ;
    rdfs:label "扬州市大数据局"@zh ; ck:locatedIn place:321000 .
<https://w3id.org/citykg/project/321000/wo-de-yang-zhou-app> a ck:Project , ck:Platform ;
    rdfs:label "我的扬州App"@zh ; ck:projectKind "platform" ; ck:locatedIn place:321000 .
prog:yang-zhou-shu-zi-ren-cai-ji-hua a ck:Programme , skos:Concept ;
    skos:prefLabel "扬州数字人才计划"@zh ; ck:discovered true .
"""


def _union(extra: str) -> Graph:
    graph = Graph()
    for path in (ONTOLOGY_TTL, PROGRAMMES_TTL, INDICATORS_TTL):
        graph.parse(path, format="turtle")
    graph.parse(data=extra, format="turtle")
    return graph


def _violations(graph: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, report = validate(graph, shacl_graph=shapes, inference="none")
    return bool(conforms), str(report)


def test_the_union_of_vocabularies_and_a_well_formed_document_conforms_to_the_shapes(shapes: Graph) -> None:
    conforms, report = _violations(_union(_WELL_FORMED), shapes)
    assert conforms, report


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ('ck:divisionCode "321000"', 'ck:divisionCode "3210"'),
        ('ck:qualifier "="', 'ck:qualifier "about"'),
        ("ck:value 8210.0", 'ck:value "8210"'),
        ("ck:mentionStart 14", "ck:mentionStart 2"),
        ('ck:projectKind "platform"', 'ck:projectKind "app"'),
        ("ck:level ck:Province ; schema:containedInPlace place:100000", "ck:level ck:Province"),
        ('rdfs:label "扬州市大数据局"@zh ; ', ""),
        ("ck:refArea place:321000 ; ", ""),
        ("rdf:object prog:yi-wang-tong-ban", "rdf:object prog:yi-wang-tong-guan"),
    ],
    ids=[
        "code-not-six-digits",
        "unknown-qualifier",
        "value-not-decimal",
        "mention-before-sentence",
        "unknown-project-kind",
        "province-without-parent",
        "agency-without-label",
        "observation-without-area",
        "evidence-for-a-missing-fact",
    ],
)
def test_shapes_reject_a_document_graph_with_one_defect(shapes: Graph, broken: str, fixed: str) -> None:
    assert broken in _WELL_FORMED
    conforms, _ = _violations(_union(_WELL_FORMED.replace(broken, fixed, 1)), shapes)
    assert not conforms

"""The canned queries in queries/: headers, syntax, binding, and answers on real graphs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from rdflib.plugins.sparql import prepareQuery

from app.queries import (
    CannedQuery,
    InvalidParameter,
    MalformedQuery,
    UnknownQuery,
    bind_query,
    load_queries,
    load_query,
    queries_dir,
)
from graphstore.document_counts import COUNTS_MISSING, count_update
from graphstore.facts import FACTS_GRAPH, fill_update

CKR = "https://w3id.org/citykg/"
PLACE = CKR + "place/"
PROGRAMME = CKR + "programme/"

SPARQL_FILES = sorted(queries_dir().glob("*.rq"))
SPARQL_QUERIES = [q for q in load_queries() if q.language == "sparql"]
HEADER = re.compile(r"# (title|title\.zh|description|description\.zh|param|vars):(.*)")

Row = dict[str, str | None]


def _ids(queries: list[CannedQuery]) -> list[str]:
    return [q.name for q in queries]


# --- headers and syntax -------------------------------------------------------


def test_there_are_at_least_twelve_sparql_queries() -> None:
    assert len(SPARQL_FILES) >= 12


@pytest.mark.parametrize("path", SPARQL_FILES, ids=[p.stem for p in SPARQL_FILES])
def test_query_file_opens_with_titles_descriptions_params_and_vars(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    keys = [m.group(1) for line in lines if (m := HEADER.fullmatch(line))]
    assert keys[:4] == ["title", "description", "title.zh", "description.zh"]
    assert keys[-1] == "vars" and set(keys[4:-1]) <= {"param"}
    query = load_query(path.stem)
    assert query.title and query.description and query.title_zh and query.description_zh
    # The Chinese title is Chinese: a reader of the Chinese interface sees no English title.
    assert re.search(r"[\u4e00-\u9fff]", query.title_zh)
    assert query.vars and all(v.startswith("?") for v in query.vars)
    assert [p.name for p in query.parameters] == list(query.params)
    assert all(p.label_zh and p.label_en for p in query.parameters)


@pytest.mark.parametrize("query", SPARQL_QUERIES, ids=_ids(SPARQL_QUERIES))
def test_query_parses_in_pyoxigraph_and_projects_its_declared_vars(query: CannedQuery) -> None:
    results = pyoxigraph.Store().query(query.bind(), use_default_graph_as_union=True)
    assert isinstance(results, pyoxigraph.QuerySolutions)
    assert [f"?{v.value}" for v in results.variables] == list(query.vars)


@pytest.mark.parametrize("query", SPARQL_QUERIES, ids=_ids(SPARQL_QUERIES))
def test_query_parses_in_rdflib(query: CannedQuery) -> None:
    prepareQuery(query.bind())


@pytest.mark.parametrize("query", SPARQL_QUERIES, ids=_ids(SPARQL_QUERIES))
def test_query_uses_every_declared_param_as_a_variable(query: CannedQuery) -> None:
    body = query.text.split("SELECT", 1)[1]
    for name in query.params:
        assert re.search(rf"\?{name}\b", body), name


# --- binding ------------------------------------------------------------------


def test_bind_query_refuses_an_iri_that_breaks_out_of_its_brackets() -> None:
    with pytest.raises(InvalidParameter):
        bind_query(
            "SELECT ?p WHERE { ?place ?x ?p }",
            {"place": "https://w3id.org/citykg/place/1> } . ?s ?p ?o . { <x"},
        )


def test_bind_query_refuses_a_parameter_name_that_is_not_a_variable() -> None:
    with pytest.raises(InvalidParameter):
        bind_query("SELECT ?p WHERE { ?place ?x ?p }", {"place } ; DROP ALL ; {": "x"})


def test_bind_query_keeps_a_hostile_literal_inside_one_string() -> None:
    hostile = 'x" } UNION { ?s ?p ?o } #\n\\'
    text = bind_query("SELECT ?indicator WHERE { }", {"indicator": hostile})
    rows = list(pyoxigraph.Store().query(text))
    assert len(rows) == 1
    assert rows[0]["indicator"] == pyoxigraph.Literal(hostile)


def test_bind_query_skips_where_in_comments_strings_and_iris() -> None:
    text = (
        "# where { should not be bound here\n"
        'PREFIX w: <https://example.org/ns#> SELECT ?place WHERE { ?place w:says "WHERE {" }'
    )
    bound = bind_query(text, {"place": "https://w3id.org/citykg/place/321000"})
    assert bound.startswith(text.split("SELECT")[0] + "SELECT ?place WHERE { VALUES")
    prepareQuery(bound)
    assert (
        'WHERE { VALUES ?place { <https://w3id.org/citykg/place/321000> } ?place w:says "WHERE {" }' in bound
    )


def test_canned_query_bind_refuses_a_parameter_it_does_not_declare() -> None:
    with pytest.raises(InvalidParameter):
        load_query("programmes_by_place").bind({"programme": PROGRAMME + "yi-wang-tong-ban"})


def test_load_query_names_the_missing_query() -> None:
    with pytest.raises(UnknownQuery):
        load_query("no_such_question")


def test_load_queries_reads_cypher_headers_and_sorts_by_name(tmp_path: Path) -> None:
    (tmp_path / "b_places.cypher").write_text(
        "// title: Places\n// description: All places.\n// param: code place 321000 地方 | Place\n// vars: p\n"
        "MATCH (p:Place {code: $code}) RETURN p\n",
        encoding="utf-8",
    )
    (tmp_path / "a_all.rq").write_text(
        "# title: All\n# description: Everything.\n# vars: ?s\nSELECT ?s WHERE { ?s ?p ?o }\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text("not a query", encoding="utf-8")
    queries = load_queries(tmp_path)
    assert [(q.name, q.language) for q in queries] == [("a_all", "sparql"), ("b_places", "cypher")]
    assert queries[1].params == {"code": PLACE + "321000"}
    assert queries[0].params == {}


def test_parameters_are_checked_against_their_declared_type() -> None:
    query = load_query("projects_by_place_and_kind")
    assert [(p.name, p.type) for p in query.parameters] == [("place", "place"), ("kind", "kind")]
    # A division code is accepted for a place and turned into its IRI.
    assert "<https://w3id.org/citykg/place/321000>" in query.bind({"place": "321000"})
    with pytest.raises(InvalidParameter, match="kind must be one of platform, park, facility, event"):
        query.bind({"kind": "shop"})
    with pytest.raises(InvalidParameter, match="place must be a place IRI or a 6-digit division code"):
        query.bind({"place": "https://example.org/x"})
    with pytest.raises(InvalidParameter, match=r"has no parameter year \(it takes: place, kind\)"):
        query.bind({"year": "2024"})


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("// params: code=321000", "'params' is replaced"),
        ("// param: code place", "bad param line"),
        ("// param: code colour red 颜色 | Colour", "unknown type 'colour'"),
        ("// param: code place 99 地方 | Place", "default of code must be"),
    ],
)
def test_a_bad_param_declaration_names_the_file_and_the_problem(
    tmp_path: Path, line: str, problem: str
) -> None:
    (tmp_path / "bad.cypher").write_text(
        f"// title: T\n// description: D.\n{line}\n// vars: p\nRETURN 1\n", encoding="utf-8"
    )
    with pytest.raises(MalformedQuery, match=f"bad.cypher: .*{re.escape(problem)}"):
        load_queries(tmp_path)


def test_load_queries_refuses_a_file_without_a_title(tmp_path: Path) -> None:
    (tmp_path / "untitled.rq").write_text("# vars: ?s\nSELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(MalformedQuery):
        load_queries(tmp_path)


# --- answers on a tiny hand-built graph (the model of ontology/README.md) -------

TINY = """
@prefix ck: <https://w3id.org/citykg/ontology#> .
@prefix ckr: <https://w3id.org/citykg/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ckr:graph\\/gazetteer {
  <https://w3id.org/citykg/place/320000> rdfs:label "江苏省"@zh ; ck:level ck:Province .
  <https://w3id.org/citykg/place/330000> rdfs:label "浙江省"@zh ; ck:level ck:Province .
  <https://w3id.org/citykg/place/320500> rdfs:label "苏州市"@zh ; ck:level ck:Prefecture ;
      ck:divisionCode "320500" ; schema:containedInPlace <https://w3id.org/citykg/place/320000> .
  <https://w3id.org/citykg/place/321000> rdfs:label "扬州市"@zh ; ck:level ck:Prefecture ;
      ck:divisionCode "321000" ; schema:containedInPlace <https://w3id.org/citykg/place/320000> .
  <https://w3id.org/citykg/place/330100> rdfs:label "杭州市"@zh ; ck:level ck:Prefecture ;
      schema:containedInPlace <https://w3id.org/citykg/place/330000> .
  <https://w3id.org/citykg/place/330110> rdfs:label "余杭区"@zh ; ck:level ck:District ;
      schema:containedInPlace <https://w3id.org/citykg/place/330100> .
}

ckr:graph\\/programmes {
  <https://w3id.org/citykg/programme/zheng-wu-fu-wu-gai-ge> skos:prefLabel "政务服务改革"@zh .
  <https://w3id.org/citykg/programme/yi-wang-tong-ban> skos:prefLabel "一网通办"@zh , "One-stop online service"@en ;
      skos:broader <https://w3id.org/citykg/programme/zheng-wu-fu-wu-gai-ge> .
  <https://w3id.org/citykg/programme/bu-jian-mian-shen-pi> skos:prefLabel "不见面审批"@zh ;
      skos:broader <https://w3id.org/citykg/programme/zheng-wu-fu-wu-gai-ge> .
  <https://w3id.org/citykg/programme/zui-duo-pao-yi-ci> skos:prefLabel "最多跑一次"@zh ;
      skos:related <https://w3id.org/citykg/programme/bu-jian-mian-shen-pi> .
  <https://w3id.org/citykg/programme/zhi-gai-shu-zhuan> skos:prefLabel "智改数转"@zh .
}

ckr:graph\\/document\\/d1 {
  ckr:document\\/d1 a ck:Document ; dct:title "苏州报告" ; ck:fileName "01_suzhou.txt" ;
      ck:subjectPlace <https://w3id.org/citykg/place/320500> ; ck:citesPolicy ckr:policy\\/p1 .
  <https://w3id.org/citykg/place/320500> ck:runsProgramme <https://w3id.org/citykg/programme/bu-jian-mian-shen-pi> ,
      <https://w3id.org/citykg/programme/yi-wang-tong-ban> , <https://w3id.org/citykg/programme/zhi-gai-shu-zhuan> ;
      ck:hasObservation ckr:observation\\/d1\\/1 , ckr:observation\\/d1\\/2 .
  ckr:policy\\/p1 dct:title "数字中国建设整体布局规划"@zh ; ck:issuerName "中共中央、国务院" .
  ckr:observation\\/d1\\/1 a ck:Observation ; ck:refArea <https://w3id.org/citykg/place/320500> ;
      ck:indicatorLabel "5G基站"@zh ; ck:value 48600.0 ; ck:unit "个" ; ck:qualifier "=" ;
      prov:wasDerivedFrom ckr:evidence\\/d1\\/3 .
  ckr:observation\\/d1\\/2 a ck:Observation ; ck:refArea <https://w3id.org/citykg/place/320500> ;
      ck:indicatorLabel "5G基站"@zh ; ck:value 60000 ; ck:unit "个" ; ck:refPeriod "2026"^^xsd:gYear ;
      ck:qualifier "target" .
  ckr:agency\\/320500\\/su-zhou-shi-da-shu-ju-ju a ck:Agency ; rdfs:label "苏州市大数据局"@zh ;
      ck:locatedIn <https://w3id.org/citykg/place/320500> .
  ckr:evidence\\/d1\\/1 a ck:Evidence ; rdf:subject <https://w3id.org/citykg/place/320500> ;
      rdf:predicate ck:runsProgramme ; rdf:object <https://w3id.org/citykg/programme/yi-wang-tong-ban> ;
      prov:wasQuotedFrom ckr:document\\/d1 ; ck:quote "以“一网通办”为总抓手。" ; ck:sentenceStart 10 ; ck:sentenceEnd 21 .
  ckr:evidence\\/d1\\/2 a ck:Evidence ; rdf:subject ckr:agency\\/320500\\/su-zhou-shi-da-shu-ju-ju ;
      rdf:predicate ck:locatedIn ; rdf:object <https://w3id.org/citykg/place/320500> ;
      prov:wasQuotedFrom ckr:document\\/d1 ; ck:quote "市大数据局会同……" .
  ckr:evidence\\/d1\\/3 a ck:Evidence ; rdf:subject <https://w3id.org/citykg/place/320500> ;
      rdf:predicate ck:hasObservation ; rdf:object ckr:observation\\/d1\\/1 ;
      prov:wasQuotedFrom ckr:document\\/d1 ; ck:quote "累计建成5G基站48600个。" .
}

ckr:graph\\/document\\/d2 {
  ckr:document\\/d2 a ck:Document ; dct:title "扬州报告" ; ck:fileName "02_yangzhou.txt" ;
      ck:subjectPlace <https://w3id.org/citykg/place/321000> ; ck:citesPolicy ckr:policy\\/p1 .
  <https://w3id.org/citykg/place/321000> ck:runsProgramme <https://w3id.org/citykg/programme/yi-wang-tong-ban> ,
      <https://w3id.org/citykg/programme/zhi-gai-shu-zhuan> .
  <https://w3id.org/citykg/place/330110> ck:runsProgramme <https://w3id.org/citykg/programme/zui-duo-pao-yi-ci> .
  ckr:observation\\/d2\\/1 a ck:Observation ; ck:refArea <https://w3id.org/citykg/place/321000> ;
      ck:indicatorLabel "5G基站"@zh ; ck:value 8210 ; ck:unit "个" ; ck:qualifier "=" .
  <https://w3id.org/citykg/programme/chuang-xin-ji-hua> skos:prefLabel "创新计划"@zh ; ck:discovered true .
}
"""


@pytest.fixture(scope="module")
def tiny_store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(TINY.encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG)
    # Written by hand as a store from before the facts graph and the per-document counts
    # was: the updates Store.open runs add them, and queries read the facts graph, as there.
    store.update(fill_update())
    assert store.query(COUNTS_MISSING)
    store.update(count_update())
    assert not store.query(COUNTS_MISSING)
    return store


def _select(store: pyoxigraph.Store, sparql: str) -> list[Row]:
    results = store.query(sparql, default_graph=[FACTS_GRAPH])
    assert isinstance(results, pyoxigraph.QuerySolutions)
    names = [v.value for v in results.variables]
    return [{n: (None if s[n] is None else s[n].value) for n in names} for s in results]


def _run(store: pyoxigraph.Store, name: str, **params: str) -> list[Row]:
    return _select(store, load_query(name).bind(params))


def test_kin_query_finds_places_running_sibling_and_related_programmes(tiny_store: pyoxigraph.Store) -> None:
    rows = _run(tiny_store, "places_running_kin_programmes", programme=PROGRAMME + "bu-jian-mian-shen-pi")
    found = {(r["place"], r["relation"]) for r in rows}
    assert found == {
        (PLACE + "320500", "same"),
        (PLACE + "320500", "sibling"),
        (PLACE + "321000", "sibling"),
        (PLACE + "330110", "related"),
    }


def test_sharing_query_ranks_places_by_programmes_in_common(tiny_store: pyoxigraph.Store) -> None:
    rows = _run(tiny_store, "places_sharing_programmes", place=PLACE + "320500")
    assert [(r["other"], r["shared"]) for r in rows] == [(PLACE + "321000", "2")]
    assert set((rows[0]["programmes"] or "").split("、")) == {"一网通办", "智改数转"}


def test_adoption_query_counts_districts_under_their_province(tiny_store: pyoxigraph.Store) -> None:
    rows = _run(tiny_store, "programme_adoption_by_province")
    counts = {(r["provinceLabel"], r["label"]): r["places"] for r in rows}
    assert counts[("江苏省", "一网通办")] == "2"
    assert counts[("浙江省", "最多跑一次")] == "1"


def test_indicator_ranking_leaves_out_targets(tiny_store: pyoxigraph.Store) -> None:
    rows = _run(tiny_store, "places_by_indicator", indicator="5G基站")
    assert [(r["place"], float(r["value"] or 0)) for r in rows] == [
        (PLACE + "320500", 48600.0),
        (PLACE + "321000", 8210.0),
    ]


def test_indicator_ranking_matches_a_scheme_name_in_either_language_and_the_text_wording() -> None:
    store = pyoxigraph.Store()
    store.load(
        b"""@prefix ck: <https://w3id.org/citykg/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/citykg/indicator/5g-ji-zhan> skos:prefLabel "5G\xe5\x9f\xba\xe7\xab\x99"@zh, "5G base stations"@en .
        <https://w3id.org/citykg/observation/d9/1> ck:refArea <https://w3id.org/citykg/place/320500> ;
            ck:indicator <https://w3id.org/citykg/indicator/5g-ji-zhan> ;
            ck:indicatorLabel "5G\xe5\x9f\xba\xe7\xab\x99\xe6\x95\xb0"@zh ; ck:value 48600 .
        """,
        format=pyoxigraph.RdfFormat.TURTLE,
        to_graph=FACTS_GRAPH,
    )
    for name in ("5G基站", "5G base stations", "5G基站数"):
        assert [r["value"] for r in _run(store, "places_by_indicator", indicator=name)] == ["48600"], name
    assert _run(store, "places_by_indicator", indicator="5G") == []


def test_metrics_query_gives_quote_and_document(tiny_store: pyoxigraph.Store) -> None:
    rows = _run(tiny_store, "metrics_for_place", place=PLACE + "320500")
    measured = [r for r in rows if r["qualifier"] == "="]
    assert [(r["label"], r["quote"], r["document"]) for r in measured] == [
        ("5G基站", "累计建成5G基站48600个。", CKR + "document/d1")
    ]
    assert [r["year"] for r in _run(tiny_store, "targets_by_place", place=PLACE + "320500")] == ["2026"]


def test_policy_counts_and_document_overview(tiny_store: pyoxigraph.Store) -> None:
    policies = _run(tiny_store, "most_cited_policies")
    assert [(r["title"], r["documents"]) for r in policies] == [("数字中国建设整体布局规划", "2")]
    overview = {r["fileName"]: r for r in _run(tiny_store, "document_overview")}
    assert overview["01_suzhou.txt"]["places"] == "苏州市"
    assert (overview["01_suzhou.txt"]["facts"], overview["01_suzhou.txt"]["quotes"]) == ("3", "3")
    assert (overview["02_yangzhou.txt"]["facts"], overview["02_yangzhou.txt"]["quotes"]) == ("0", "0")
    assert [r["label"] for r in _run(tiny_store, "discovered_programmes")] == ["创新计划"]


# --- answers on the seed graph (the five seed documents; ../shared/gold) --------


def _labels(rows: list[Row], var: str = "label") -> set[str]:
    return {r[var] or "" for r in rows}


def _values(rows: list[Row], var: str) -> set[str]:
    return {r[var] or "" for r in rows}


def _check_programmes_by_place(rows: list[Row]) -> None:
    # gold 000: 扬州市 runs 一网通办 and 智改数转
    assert {"一网通办", "智改数转"} <= _labels(rows)
    assert any(r["quote"] and "一网通办" in r["quote"] for r in rows)


def _check_places_running_programme(rows: list[Row]) -> None:
    # gold 000, 001, 003, 004: 扬州市, 新吴区, 宁波市, 滨州市 all run 一网通办
    assert {PLACE + c for c in ("321000", "320214", "330200", "371600")} <= _values(rows, "place")


def _check_places_running_kin_programmes(rows: list[Row]) -> None:
    # no seed runs 不见面审批; 宁波市 runs its kin 最多跑一次 and 一网通办 (gold 003)
    assert PLACE + "330200" in _values(rows, "place")
    assert "same" not in _values(rows, "relation")


def _check_places_sharing_programmes(rows: list[Row]) -> None:
    # gold: 滨州市 shares 一网通办/一网统管/智改数转 with 扬州市, 一网通办/一网统管 with 宁波市
    others = [r["other"] for r in rows]
    shared = [int(r["shared"] or 0) for r in rows]
    assert PLACE + "371600" not in others
    assert shared == sorted(shared, reverse=True) and all(n >= 1 for n in shared)
    assert {PLACE + "321000", PLACE + "330200"} & set(others)
    best = {r["other"]: int(r["shared"] or 0) for r in rows}
    assert max(best.get(PLACE + "321000", 0), best.get(PLACE + "330200", 0)) >= 2


def _check_metrics_for_place(rows: list[Row]) -> None:
    # gold 000: 建成5G基站8210个
    assert any(float(r["value"] or "nan") == 8210 and r["unit"] == "个" for r in rows)


def _check_agencies_by_place(rows: list[Row]) -> None:
    # gold 004: 市大数据局 in a 滨州 document is 滨州市大数据局
    assert "滨州市大数据局" in _labels(rows)
    assert all(r["document"] is None or r["document"].startswith(CKR + "document/") for r in rows)


def _check_projects_by_place_and_kind(rows: list[Row]) -> None:
    # gold 000: 我的扬州App is a platform of 扬州市
    names = {re.sub(r"[“”\"]", "", label) for label in _labels(rows)}
    assert "我的扬州App" in names


def _check_most_cited_policies(rows: list[Row]) -> None:
    # gold 003 and 004 both cite 数字中国建设整体布局规划
    counts = {r["title"]: int(r["documents"] or 0) for r in rows}
    assert counts.get("数字中国建设整体布局规划") == 2
    assert int(rows[0]["documents"] or 0) >= 2


def _check_programme_adoption_by_province(rows: list[Row]) -> None:
    # gold 000 and 001: 扬州市 and 新吴区 (无锡市, 江苏省) run 一网通办
    counts = {(r["province"], r["programme"]): int(r["places"] or 0) for r in rows}
    assert counts.get((PLACE + "320000", PROGRAMME + "yi-wang-tong-ban"), 0) >= 2
    assert counts.get((PLACE + "370000", PROGRAMME + "yi-wang-tong-ban"), 0) >= 1


def _check_documents_behind_fact(rows: list[Row]) -> None:
    # gold 000: 政务服务“一窗受理”“一网通办”基本实现
    assert rows and all("一网通办" in (r["quote"] or "") for r in rows)
    assert len(_values(rows, "document")) == 1


def _check_places_by_indicator(rows: list[Row]) -> None:
    # gold: 宁波市 24600 5G基站, 扬州市 8210
    order = [r["place"] for r in rows]
    assert PLACE + "330200" in order and PLACE + "321000" in order
    assert order.index(PLACE + "330200") < order.index(PLACE + "321000")


def _check_targets_by_place(rows: list[Row]) -> None:
    # gold 004: 到2025年 政务服务事项全程网办率 98%
    assert any(float(r["value"] or "nan") == 98 and r["unit"] == "%" and r["year"] == "2025" for r in rows)


def _check_programme_kin(rows: list[Row]) -> None:
    # DESIGN.md: the scheme knows 最多跑一次, 一网通办 and 不见面审批 are kin
    assert {PROGRAMME + "zui-duo-pao-yi-ci", PROGRAMME + "bu-jian-mian-shen-pi"} & _values(rows, "kin")


def _check_document_overview(rows: list[Row]) -> None:
    # the five seeds; 000 is about 扬州市, 004 about 滨州市, 002 is national (no subject place)
    assert len(rows) == 5
    places = _values(rows, "places")
    assert "扬州市" in places and "滨州市" in places
    assert all(int(r["facts"] or 0) > 0 for r in rows)


def _check_discovered_programmes(rows: list[Row]) -> None:
    # 一网通办 is in the programme scheme, so it is never "discovered"
    assert PROGRAMME + "yi-wang-tong-ban" not in _values(rows, "programme")


def _check_policies_cited_by_place(rows: list[Row]) -> None:
    # gold 004: 《滨州市数字强市建设规划(2023-2025年)》, issued by 滨州市人民政府
    assert any("滨州市数字强市建设规划" in (r["title"] or "") for r in rows)
    assert any(r["title"] == "数字中国建设整体布局规划" for r in rows)


SEED_EXPECTATIONS: dict[str, tuple[dict[str, str], Callable[[list[Row]], None]]] = {
    "agencies_by_place": ({"place": PLACE + "371600"}, _check_agencies_by_place),
    "discovered_programmes": ({}, _check_discovered_programmes),
    "document_overview": ({}, _check_document_overview),
    "documents_behind_fact": (
        {"place": PLACE + "321000", "programme": PROGRAMME + "yi-wang-tong-ban"},
        _check_documents_behind_fact,
    ),
    "metrics_for_place": ({"place": PLACE + "321000"}, _check_metrics_for_place),
    "most_cited_policies": ({}, _check_most_cited_policies),
    "places_by_indicator": ({"indicator": "5G基站"}, _check_places_by_indicator),
    "places_running_kin_programmes": (
        {"programme": PROGRAMME + "bu-jian-mian-shen-pi"},
        _check_places_running_kin_programmes,
    ),
    "places_running_programme": (
        {"programme": PROGRAMME + "yi-wang-tong-ban"},
        _check_places_running_programme,
    ),
    "places_sharing_programmes": ({"place": PLACE + "371600"}, _check_places_sharing_programmes),
    "policies_cited_by_place": ({"place": PLACE + "371600"}, _check_policies_cited_by_place),
    "programme_adoption_by_province": ({}, _check_programme_adoption_by_province),
    "programme_kin": ({"programme": PROGRAMME + "yi-wang-tong-ban"}, _check_programme_kin),
    "programmes_by_place": ({"place": PLACE + "321000"}, _check_programmes_by_place),
    "projects_by_place_and_kind": (
        {"place": PLACE + "321000", "kind": "platform"},
        _check_projects_by_place_and_kind,
    ),
    "targets_by_place": ({"place": PLACE + "371600"}, _check_targets_by_place),
}


def test_every_sparql_query_has_a_known_answer_on_the_seed_graph() -> None:
    assert sorted(SEED_EXPECTATIONS) == _ids(SPARQL_QUERIES)


@pytest.mark.shared
@pytest.mark.parametrize("query", SPARQL_QUERIES, ids=_ids(SPARQL_QUERIES))
def test_query_on_seed_store_gives_known_answer(query: CannedQuery, seed_store: Any) -> None:
    params, check = SEED_EXPECTATIONS[query.name]
    rows = seed_store.select(query.bind(params))
    check(rows)

"""The RDF built from extraction: well-formed per the SHACL shapes, stable IRIs, traceable evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, serialize
from rdflib import Graph

from graphstore.store import Store
from loaders.documents import document_from_text, read_document
from loaders.extract import extract
from loaders.rdf import document_graph, document_quads, vocabulary_graphs
from loaders.vocab import SHAPES_TTL

CK = "PREFIX ck: <https://w3id.org/citykg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
RDF_ = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "


@pytest.mark.shared
def test_the_graph_built_from_the_seeds_conforms_to_the_shapes(seeds_dir: Path) -> None:
    from pyshacl import validate

    quads = [q for graph in vocabulary_graphs().values() for q in graph]
    for path in sorted(seeds_dir.glob("*.txt")):
        quads += document_quads(extract(read_document(path)))
    # One merged graph: the shapes check links across graphs (a fact's place is in the gazetteer graph).
    data = Graph().parse(data=serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES), format="nt")
    conforms, _, text = validate(data, shacl_graph=Graph().parse(SHAPES_TTL), inference="none", advanced=True)
    assert conforms, text[:3000]


def test_a_document_graph_is_named_by_the_hash_of_its_cleaned_text() -> None:
    doc = document_from_text("扬州市报告。扬州市深化“一网通办”。", name="a.txt")
    same_text = document_from_text("扬州市报告。扬州市深化“一网通办”。", name="b.txt")
    quads = document_quads(extract(doc))
    assert doc.id == same_text.id and len(doc.id) == 16
    assert {q.graph_name for q in quads} == {document_graph(doc.id)}


def test_building_twice_gives_the_same_quads() -> None:
    doc = document_from_text("宁波市报告。宁波市建成5G基站2.46万个,推进“最多跑一次”改革。", name="n.txt")
    assert sorted(map(str, document_quads(extract(doc)))) == sorted(map(str, document_quads(extract(doc))))


@pytest.mark.shared
def test_places_have_their_division_code_iri_and_programmes_their_scheme_iri(seed_store: Store) -> None:
    rows = seed_store.select(
        CK + "SELECT ?label WHERE { <https://w3id.org/citykg/place/321000> ck:runsProgramme ?p . "
        "?p skos:prefLabel ?label FILTER(lang(?label) = 'zh') }"
    )
    assert {"一网通办", "智改数转", "一网统管"} <= {r["label"] for r in rows}
    assert seed_store.select(
        CK + "SELECT ?x WHERE { BIND(<https://w3id.org/citykg/programme/yi-wang-tong-ban> AS ?x) "
        "<https://w3id.org/citykg/place/371600> ck:runsProgramme ?x }"
    )


@pytest.mark.shared
def test_every_evidence_quote_is_the_sentence_its_offsets_cut_from_the_document_text(
    seed_store: Store,
) -> None:
    rows = seed_store.select(
        CK + "PREFIX prov: <http://www.w3.org/ns/prov#> "
        "SELECT ?text ?quote ?s ?e ?ms ?me WHERE { ?ev a ck:Evidence ; prov:wasQuotedFrom ?d ; ck:quote ?quote ; "
        "ck:sentenceStart ?s ; ck:sentenceEnd ?e ; ck:mentionStart ?ms ; ck:mentionEnd ?me . ?d ck:text ?text }"
    )
    assert len(rows) > 200
    for row in rows:
        text, s, e = row["text"] or "", int(row["s"] or 0), int(row["e"] or 0)
        assert text[s:e] == row["quote"] or s == e == 0
        assert s <= int(row["ms"] or 0) <= int(row["me"] or 0) <= max(e, 0)


@pytest.mark.shared
def test_the_5g_figure_of_yangzhou_is_an_observation_with_its_sentence(seed_store: Store) -> None:
    rows = seed_store.select(
        CK + RDF_ + "SELECT ?value ?unit ?quote WHERE { "
        "<https://w3id.org/citykg/place/321000> ck:hasObservation ?o . ?o ck:value ?value ; ck:unit ?unit . "
        "?ev rdf:object ?o ; ck:quote ?quote . FILTER(?value = 8210) }"
    )
    assert rows and rows[0]["unit"] == "个" and "5G基站8210个" in (rows[0]["quote"] or "")


@pytest.mark.shared
def test_each_seed_document_carries_the_counts_of_its_facts_and_quotes_as_its_evidence_gives_them(
    seed_store: Store,
) -> None:
    written = seed_store.select(
        CK
        + "SELECT ?d ?facts ?quotes WHERE { ?d a ck:Document ; ck:factCount ?facts ; ck:quoteCount ?quotes }"
    )
    counted = seed_store.select(
        CK + RDF_ + "PREFIX prov: <http://www.w3.org/ns/prov#> "
        "SELECT ?d (COUNT(DISTINCT ?e) AS ?quotes) "
        "(COUNT(DISTINCT CONCAT(STR(?s), ' ', STR(?p), ' ', STR(?o))) AS ?facts) "
        "WHERE { ?e prov:wasQuotedFrom ?d ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } GROUP BY ?d"
    )
    assert len(written) == 5
    assert {(r["d"], r["facts"], r["quotes"]) for r in written} == {
        (r["d"], r["facts"], r["quotes"]) for r in counted
    }
    assert all(int(r["quotes"] or 0) >= int(r["facts"] or 0) > 0 for r in written)

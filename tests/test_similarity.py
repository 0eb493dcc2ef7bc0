"""Similarity scoring (app.similarity) on hand-made inputs: exact > kin > nothing, rare > common."""

from __future__ import annotations

from app.similarity import Kinship, compare_programmes, idf_weights, rank_by_programmes

KIN = Kinship(
    broader={
        "zui-duo-pao-yi-ci": {"fang-guan-fu"},
        "bu-jian-mian-shen-pi": {"fang-guan-fu"},
        "yi-wang-tong-ban": {"hu-lian-wang-zheng-wu-fu-wu"},
        "hu-lian-wang-zheng-wu-fu-wu": {"shu-zi-zheng-fu"},
        "shu-zi-jiang-su-ban": {"yi-wang-tong-ban"},
    },
    related={
        "zui-duo-pao-yi-ci": {"yi-wang-tong-ban", "bu-jian-mian-shen-pi"},
        "bu-jian-mian-shen-pi": {"yi-wang-tong-ban", "zui-duo-pao-yi-ci"},
        "yi-wang-tong-ban": {"zui-duo-pao-yi-ci", "bu-jian-mian-shen-pi"},
    },
    excluded={"shu-zi-zheng-fu"},
)
EVEN = {p: 1.0 for p in ("zui-duo-pao-yi-ci", "bu-jian-mian-shen-pi", "yi-wang-tong-ban", "x", "y")}


def score(mine: set[str], theirs: set[str], weights: dict[str, float] = EVEN) -> float:
    return compare_programmes(mine, theirs, weights=weights, kinship=KIN).score


def test_a_kin_programme_scores_above_an_unrelated_one() -> None:
    assert score({"zui-duo-pao-yi-ci"}, {"bu-jian-mian-shen-pi"}) > score({"zui-duo-pao-yi-ci"}, {"x"}) == 0.0


def test_an_exact_shared_programme_scores_above_a_kin_one() -> None:
    assert score({"zui-duo-pao-yi-ci"}, {"zui-duo-pao-yi-ci"}) > score(
        {"zui-duo-pao-yi-ci"}, {"bu-jian-mian-shen-pi"}
    )


def test_sharing_a_rare_programme_scores_above_sharing_a_common_one() -> None:
    weights = idf_weights({"rare": 1, "common": 9, "a": 1, "b": 1}, 10)
    rare = compare_programmes({"rare", "a"}, {"rare", "b"}, weights=weights, kinship=Kinship()).score
    common = compare_programmes({"common", "a"}, {"common", "b"}, weights=weights, kinship=Kinship()).score
    assert rare > common


def test_a_discovered_programme_is_kin_of_its_broader_scheme_concept() -> None:
    assert KIN.relation("shu-zi-jiang-su-ban", "yi-wang-tong-ban") == "broader"
    assert KIN.relation("yi-wang-tong-ban", "shu-zi-jiang-su-ban") == "narrower"
    assert score({"shu-zi-jiang-su-ban"}, {"yi-wang-tong-ban"}) > 0


def test_top_concepts_make_nothing_kin() -> None:
    assert KIN.relation("hu-lian-wang-zheng-wu-fu-wu", "shu-zi-zheng-fu") is None


def test_siblings_under_one_parent_are_kin_but_weaker_than_related() -> None:
    kin = Kinship(broader={"a": {"p"}, "b": {"p"}, "c": {"q"}}, related={"a": {"c"}})
    weights = {"a": 1.0, "b": 1.0, "c": 1.0}
    sibling = compare_programmes({"a"}, {"b"}, weights=weights, kinship=kin)
    related = compare_programmes({"a"}, {"c"}, weights=weights, kinship=kin)
    assert sibling.kin[0].relation == "sibling" and 0 < sibling.score < related.score


def test_ranking_puts_exact_then_kin_and_leaves_out_places_with_nothing_in_common() -> None:
    places = {
        "binzhou": {"yi-wang-tong-ban", "x"},
        "exact": {"yi-wang-tong-ban", "y"},
        "kin": {"zui-duo-pao-yi-ci", "y"},
        "none": {"y"},
    }
    ranked = rank_by_programmes("binzhou", places, kinship=KIN)
    assert [key for key, _ in ranked] == ["exact", "kin"]
    assert ranked[0][1].shared == ("yi-wang-tong-ban",)
    assert [(k.mine, k.theirs, k.relation) for k in ranked[1][1].kin] == [
        ("yi-wang-tong-ban", "zui-duo-pao-yi-ci", "related")
    ]

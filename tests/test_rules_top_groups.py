"""Published top groups on the map and ranking: a member without a figure is marked and says so; the group's share is a caption line."""

from tests.test_rules_aggregate import csv_text
from turnover.aggregate import map_figures
from turnover.dataset import load_dataset
from turnover.maps import region_properties
from turnover.texts.charts import group_share_caption
from turnover.top_groups import group_statements, top_groups

RANKS = """region,year,months,flow,rank,top,out_of,group_share_pct,group_share_qualifier,source_id,note
RU-SMO,2022,12,export,,10,,73,at_most,belta-1,
RU-TA,2022,12,export,,10,,73,at_most,belta-1,
RU-BRY,2022,9,export,,10,,,,belta-1,
RU-MOW,2022,12,turnover,,5,,,,belta-1,
"""
ROWS = [("RU-SMO", 2022, 12, "export", 2.0, "exact", "goods", "old-1")]
SHAPE = {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}


def test_a_group_member_without_a_figure_is_marked_and_the_share_is_captioned(write_dataset):
    data, geo = write_dataset(figures=csv_text(ROWS))
    (data / "ranks.csv").write_text(RANKS, encoding="utf-8")
    dataset = load_dataset(data, geo)
    groups = top_groups(dataset.ranks, dataset.sources, 2022, "export")
    assert set(groups["region"]) == {"RU-SMO", "RU-TA"}  # full years of the flow only
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": region, "name_en": region, "name_ru": region, "country": "RU"}, "geometry": SHAPE} for region in ("RU-SMO", "RU-TA", "RU-BRY")
    ]}
    table = map_figures(dataset.figures, 2022, "export")
    props = {p["id"]: p for p in region_properties(collection, table, year=2022, groups=groups, flow="export")}
    assert props["RU-TA"]["category"] == "ranked"
    assert props["RU-TA"]["shown"] == "among the top 10 importers of Belarusian goods, 2022 — BelTA; no figure published"
    assert props["RU-SMO"]["category"] == "value"  # a figure wins over the group
    assert props["RU-BRY"]["category"] == "no_data"  # a partial-year rank is not a full-year group
    statements = group_statements(groups)
    assert len(statements) == 1
    row = statements.iloc[0]
    assert group_share_caption(int(row["top"]), "export", row["group_share_pct"], row["group_share_qualifier"], 2022, row["publisher"], row["published"]) == (
        "Published: the top 10 importers of Belarusian goods held almost 73% of Belarusian exports to Russia in 2022 (BelTA, 2024-11-18)."
    )

"""What is known for each Russian region and year of one flow: the coverage grid, its counts and its download.

A cell holds the best that is published: a full-year figure (exact, or approximate or bound), else the
longest partial year, else a published rank (data/ranks.csv), else nothing. Only the displayed
total-trade figures count, as on every other page. The grid is federal subjects × years whatever the
number of figures: a million figures aggregate to the same few thousand cells.
"""

from urllib.parse import urlencode, urljoin

import pandas as pd

from turnover.aggregate import federal_subjects
from turnover.periods import period_label
from turnover.regions import Registry
from turnover.selection import displayed_totals
from turnover.spreadsheet import safe_csv
from turnover.texts import coverage as words

KINDS = ("exact", "approx", "partial", "rank", "none")  # best first
ORDERS = ("district", "known")
COLUMNS = list(words.tooltip_titles())


def subjects(registry: Registry, lang: str = "en") -> pd.DataFrame:
    """The grid's rows: Russian federal subjects with their district (names in ``lang``), in the registry's district order."""
    table = registry.table
    rows = table[federal_subjects(table)]
    districts = list(table.index[table["kind"] == "federal_district"])
    position = {district: i for i, district in enumerate(districts)}
    return pd.DataFrame(
        {
            "region": rows.index,
            "region_name": [registry.name(region, lang) for region in rows.index],
            "district_name": [registry.name(district, lang) for district in rows["federal_district"]],
            "district_order": rows["federal_district"].map(position).fillna(len(position)).to_numpy(),
        }
    )


def grid(figures: pd.DataFrame, ranks: pd.DataFrame, registry: Registry, flow: str, lang: str = "en") -> pd.DataFrame:
    """One row per federal subject and year, from the first to the last year with anything published for ``flow``."""
    rows = subjects(registry, lang)
    best = _best_figures(figures, flow, set(rows["region"]), lang)
    ranked = _best_ranks(ranks, flow, set(rows["region"]), lang)
    years = sorted(set(best["year"]) | set(ranked["year"]))
    if not years:
        return pd.DataFrame(columns=[*COLUMNS, "known", "known_place", "district_order"])
    cells = rows.merge(pd.DataFrame({"year": range(years[0], years[-1] + 1)}), how="cross")
    cells = cells.merge(best, on=["region", "year"], how="left").merge(ranked, on=["region", "year"], how="left")
    known = pd.Series("none", index=cells.index)
    known[cells["rank_text"].notna()] = "rank"
    known[cells["months"].notna()] = "partial"
    full = cells["months"] == 12
    known[full & cells["approximate"].eq(True)] = "approx"
    known[full & cells["approximate"].eq(False)] = "exact"
    cells = cells.assign(known=known, known_text=known.map(words.known_labels(lang)), year=cells["year"].astype(int))
    cells = cells.fillna({"figure": "", "period": "", "source": "", "rank_text": ""})
    return cells.assign(known_place=_known_place(cells))[[*COLUMNS, "known", "known_place", "district_order"]]


def profile_link(region: str, flow: str, page_url: str = "") -> str:
    """The region profile for ``flow`` beside the page at ``page_url`` (relative without one); the year is added per cell.

    An absolute link also works in an exported SVG, which has no page to be relative to.
    """
    return urljoin(page_url, "region?" + urlencode({"region": region, "flow": flow}))


def ordered(cells: pd.DataFrame, order: str) -> pd.DataFrame:
    """The grid with ``row`` numbering its regions top to bottom: by district then name, or most known first."""
    by_district = cells.sort_values(["district_order", "region_name"])
    ranking = by_district.sort_values("known_place", kind="stable") if order == "known" else by_district
    row = {region: i for i, region in enumerate(dict.fromkeys(ranking["region"]))}
    return cells.assign(row=cells["region"].map(row))


def counts(cells: pd.DataFrame, by: str) -> pd.DataFrame:
    """How many cells of each kind, per ``year`` or per district (``district_name``), kinds best first."""
    column = "year" if by == "year" else "district_name"
    table = pd.crosstab(cells[column], cells["known"]).reindex(columns=list(KINDS), fill_value=0)
    if by == "district":
        table = table.reindex(cells.sort_values("district_order")["district_name"].unique())
    return table


def counts_table(cells: pd.DataFrame, by: str, lang: str = "en") -> pd.DataFrame:
    """``counts`` with headers a reader understands."""
    table = counts(cells, by).rename(columns=words.known_labels(lang))
    return table.rename_axis(words.count_headers(lang)[by]).reset_index().rename_axis(None, axis=1)


def download(cells: pd.DataFrame, lang: str = "en") -> bytes:
    """The grid as CSV, one row per region and year, headers from texts, safe to open in a spreadsheet."""
    table = cells.sort_values(["district_order", "region_name", "year"])[COLUMNS]
    return safe_csv(table.rename(columns=words.tooltip_titles(lang)))


def figure_count(figures: pd.DataFrame, flow: str) -> int:
    """How many published figures the grid stands on: every total-trade figure of a federal subject for ``flow``."""
    return int((figures["total"] & figures["federal_subject"] & (figures["flow"] == flow)).sum())


def rank_count(ranks: pd.DataFrame, registry: Registry, flow: str) -> int:
    """How many rank statements of a federal subject for ``flow`` the grid stands on."""
    if ranks.empty:
        return 0
    return int(((ranks["flow"] == flow) & ranks["region"].isin(set(subjects(registry)["region"]))).sum())


def _best_figures(figures: pd.DataFrame, flow: str, regions: set, lang: str) -> pd.DataFrame:
    """Per region and year, the displayed full-year figure, else the longest partial year."""
    chosen = displayed_totals(figures, flow)
    chosen = chosen[chosen["federal_subject"] & chosen["region"].isin(regions)]
    best = chosen.sort_values("months", ascending=False, kind="stable").drop_duplicates(["region", "year"])
    source = [words.cited(p, d, lang) for p, d in zip(best["source_publisher"], best["source_published"].fillna(""))]
    return pd.DataFrame(
        {
            "region": best["region"].to_numpy(),
            "year": best["year"].to_numpy(),
            "months": best["months"].to_numpy(),
            "approximate": best["approximate"].to_numpy(),
            "figure": best["shown"].to_numpy(),
            "period": best["period"].to_numpy(),
            "source": pd.Series(source, dtype=str),
        }
    )


def _best_ranks(ranks: pd.DataFrame, flow: str, regions: set, lang: str) -> pd.DataFrame:
    """Per region and year, its published rank statement: full year before partial, a place before a group."""
    if ranks.empty:
        return pd.DataFrame({"region": pd.Series(dtype=str), "year": pd.Series(dtype=int), "rank_text": pd.Series(dtype=str)})
    chosen = ranks[(ranks["flow"] == flow) & ranks["region"].isin(regions)]
    chosen = chosen.assign(_place=chosen["rank"].isna()).sort_values(["months", "_place"], ascending=[False, True], kind="stable")
    chosen = chosen.drop_duplicates(["region", "year"])

    text = [
        words.rank_text(None if pd.isna(r) else int(r), None if pd.isna(t) else int(t), None if pd.isna(o) else int(o), period_label(int(y), int(m)), lang)
        for r, t, o, y, m in zip(chosen["rank"], chosen["top"], chosen["out_of"], chosen["year"], chosen["months"])
    ]
    return pd.DataFrame({"region": chosen["region"].to_numpy(), "year": chosen["year"].astype(int).to_numpy(), "rank_text": pd.Series(text, dtype=str)})


def _known_place(cells: pd.DataFrame) -> pd.Series:
    """Each region's place when the most known come first: full years, then partial years, then ranks, then name."""
    known = cells["known"]
    score = pd.DataFrame({"region": cells["region"], "name": cells["region_name"], "full": known.isin(["exact", "approx"]), "partial": known == "partial", "rank": known == "rank"})
    score = score.groupby(["region", "name"], sort=False)[["full", "partial", "rank"]].sum().reset_index()
    ranking = score.sort_values(["full", "partial", "rank", "name"], ascending=[False, False, False, True])
    return cells["region"].map(dict(zip(ranking["region"], range(len(ranking)))))

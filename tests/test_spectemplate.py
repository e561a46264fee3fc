"""A chart built once with blanks and filled with a view's values is the chart built for those values."""

import altair as alt
import pytest

from turnover.formatting import vega_number_locale
from turnover.spectemplate import Values, spec_template


def toy(v: Values) -> alt.LayerChart:
    x = alt.X("year:Q", title=None, scale=alt.Scale(domain=[v.number("first"), v.number("last")]), axis=alt.Axis(values=v.items("ticks")))
    y = alt.Y("amount:Q", title=v.text("unit"))
    colour = alt.Color("kind:N", scale=alt.Scale(domain=v.items("kinds"), range=v.items("colours")), legend=alt.Legend(title=None))
    base = alt.Chart(alt.Data(name="figures")).encode(x=x, y=y)
    chart = base.mark_line() + base.mark_point().encode(color=colour)
    return chart.properties(height=v.number("height"), title=alt.TitleParams(v.items("footer"), orient="bottom"))


CASES = [
    {"first": 2012, "last": 2025, "ticks": [2012.5, 2013.5], "unit": "US$ billion", "kinds": ["Full year", "Partial year"], "colours": ["#1f5f8b", "#d55e00"], "height": 300, "footer": ["Source: BelTA (2024-11-18)."]},
    {"first": 2001.5, "last": 2002, "ticks": [], "unit": "млн долл. США", "kinds": ["Full year"], "colours": ["#000000"], "height": 120, "footer": ["Sources: one;", "two."]},
]


@pytest.mark.parametrize("values", CASES)
def test_a_filled_template_is_the_chart_built_for_its_values(values):
    template = spec_template(toy)
    assert template.fill(values) == toy(Values(values)).to_dict(validate=True)


def test_filling_leaves_the_template_as_it_was():
    template = spec_template(toy)
    before = repr(template.spec)
    first = template.fill(CASES[0])
    first["layer"][0]["encoding"]["x"]["scale"]["domain"][0] = 1999
    template.fill(CASES[1])
    assert repr(template.spec) == before


def test_a_value_the_builder_hides_inside_a_longer_text_is_refused():
    def glued(v: Values):
        return alt.Chart(alt.Data(name="figures")).mark_point().encode(y=alt.Y("amount:Q", title="in " + v.text("unit")))

    with pytest.raises(ValueError, match="inside a longer text"):
        spec_template(glued)


def test_a_value_read_but_lost_on_the_way_is_refused():
    def lossy(v: Values):
        v.text("title")  # read, never put into the chart
        return alt.Chart(alt.Data(name="figures")).mark_point().encode(y="amount:Q")

    with pytest.raises(ValueError, match="title"):
        spec_template(lossy)


def test_a_projection_fitted_to_each_view_s_feature_is_filled_in():
    def fitted(v: Values):
        return alt.Chart(alt.Data(name="regions")).mark_geoshape().project(type="conicEqualArea", rotate=v.numbers("rotate", 3), fit=v.feature("fit"))

    values = {"rotate": [-40, 0, 0], "fit": {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": [[30, 50], [60, 70]]}}}
    assert spec_template(fitted).fill(values) == fitted(Values(values)).to_dict(validate=True)


def _built(framed) -> dict:
    """The spec Altair builds for the view's own values, with what Framed.spec adds after it (a served dataset
    named by the URL the page loads it from, the others inline, the language's number symbols)."""
    spec = framed.chart.configure(locale=alt.Locale(number=vega_number_locale(framed.variant[0]))).to_dict(validate=True)
    for name, source in framed.served.items():
        assert spec["data"] == {"name": name}
        spec["data"] = source
    inline = {name: rows for name, rows in framed.datasets.items() if name not in framed.served}
    if inline:
        spec.setdefault("datasets", {}).update(inline)
    if framed.labelled:
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def _views(data, lang):
    """Every chart kind in its variants: regions with and without partial years, a year with and without lower
    bounds and earlier years, the map of all Russia and of an extent, the grid in both orders."""
    from turnover import coverage
    from turnover.aggregate import district_totals, map_figures, region_series, ranking
    from turnover.boundaries import load_boundaries
    from turnover.charts import compare_chart, district_chart, ranking_chart, series_chart
    from turnover.compare import compare_figures
    from turnover.coverage_chart import coverage_chart
    from turnover.extents import named_extent
    from turnover.maps import altair_map
    from turnover.paths import geo_dir

    overview = load_boundaries(geo_dir() / "regions-overview.geojson")
    charted = [region for region in data.regions if not region_series(data.figures, region).empty]
    for region in charted[:: max(1, len(charted) // 6)]:
        yield series_chart(region_series(data.figures, region), data.registry.name(region, lang), "turnover", selected_year=data.years[-1], lang=lang)
    yield compare_chart(compare_figures(data.figures, charted[:3], "turnover"), "turnover", lang=lang)
    for year in data.years[-4:]:
        for bounds, tolerance in ((False, 0), (True, 3)):
            table = map_figures(data.figures, year, "turnover", bounds, tolerance)
            yield ranking_chart(table, year, "turnover", lang=lang, since=year - tolerance)
            yield altair_map(overview, table, year, "turnover", lang=lang)
            yield altair_map(overview, table, year, "turnover", named_extent(data.registry.table, overview), lang=lang)
    yield district_chart(district_totals(data.figures, data.registry, data.years[-2]), data.years[-2], "turnover", ranking(data.figures, data.years[-2]), lang=lang)
    cells = coverage.grid(data.figures, data.ranks, data.registry, "turnover", lang)
    for order in ("district", "known"):
        yield coverage_chart(coverage.ordered(cells, order), "turnover", 1, 1, (set(data.regions), set(data.years)), order, "http://x/", lang)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_chart_a_page_draws_is_the_chart_altair_builds_for_its_view(shipped, lang):
    data = shipped.in_language(lang)
    views = list(_views(data, lang))
    for framed in views:
        assert framed.spec() == _built(framed), framed.title


@pytest.fixture(scope="module")
def shipped():
    from turnover.dataset import load_dataset
    from turnover.paths import data_dir, geo_dir

    return load_dataset(data_dir(), geo_dir())

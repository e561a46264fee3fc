"""A chart built once with blanks and filled with a view's values is the chart built for those values."""

import altair as alt
import pytest

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

"""Every sentence a user reads, built in one place by pure functions (tested in tests/test_texts.py).

Each function takes ``lang`` and obtains its messages through ``i18n``: whole sentences with named
placeholders, plurals through ``ngettext``, so a gettext catalogue can translate them. Page scripts,
app glue and chart builders take their words from here and type none.

- ``labels``: the data model's words (flows, coverages, qualifiers, statistics, status)
- ``rules``: the displayed-figure rule, generated from ``selection.PREFERENCES``
- ``charts``: chart titles, subtitles, axis and legend titles, tooltips, source lines, map legends
- ``tables``: table headers and the words in their cells
- ``profile``: the region profile's cards
- ``pages``: page titles, headings, captions and widget labels
- ``notices``: notices about a link's bad parameters, input error messages, the validate summary
"""

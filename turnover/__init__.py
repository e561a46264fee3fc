"""Belarus–Russian regions trade turnover: data loading, validation, aggregation, charts and maps.

Plain modules with no Streamlit imports; the pages in ``pages/`` only lay out widgets and call these.
"""

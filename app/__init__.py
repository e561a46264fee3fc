"""Streamlit glue shared by the pages: cached loading, the sidebar filters and their URL, briefing mode."""

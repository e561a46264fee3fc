"""The server `make run` starts: the dashboard (dashboard.py) behind app/guard.py's PageGuard.

`streamlit run serve.py` finds ``app`` and serves it with Streamlit's own server; .streamlit/config.toml applies
as for `streamlit run dashboard.py`. Only this entry hands out write tokens, so /curate saves only through it.
At start-up the temporary files of writes that died are removed from the data folder.
"""

import streamlit as st
from starlette.middleware import Middleware

from app.guard import PageGuard
from turnover import paths
from turnover.writing import remove_stale_temporaries

remove_stale_temporaries(paths.data_dir())
app = st.App("dashboard.py", middleware=[Middleware(PageGuard)])

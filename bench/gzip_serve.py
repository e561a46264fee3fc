"""serve.py with Starlette's GZipMiddleware outermost: Streamlit's own server sending its scripts compressed.

Streamlit 1.67's built-in gzip (``SelectiveGZipMiddleware``) deliberately skips ``/static/`` and ``/``
(see bench/README.md, "Compression"); middleware given to ``st.App`` wraps Streamlit's own, so this
compresses every HTTP response that is not compressed already (Starlette skips encoded, partial and
media responses). bench/run.py copies this file into the app's copy and measures the page weight and the
server's CPU for a first view with it. Not what ``make run`` serves: it leaves out serve.py's start-up clean-up.
"""

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware

from app.guard import PageGuard

app = st.App("dashboard.py", middleware=[Middleware(GZipMiddleware, minimum_size=1000, compresslevel=5), Middleware(PageGuard)])

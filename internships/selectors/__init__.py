"""Reads that views, the API, panels, search documents and services share, one module per topic."""

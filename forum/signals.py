"""Keeps the search index honest when a category's visibility changes (see documents.py)."""

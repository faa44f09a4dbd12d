"""Search fixtures (pytest plugin loaded from tests/conftest.py). Built with the search app."""

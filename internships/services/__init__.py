"""Writes for the placement board. Each module is one area; functions take keyword arguments."""

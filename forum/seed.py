"""Demo content for `manage.py seed_demo`. Must be idempotent."""


def run(*, stdout) -> None:
    pass

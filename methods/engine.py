"""The search-engine path of the /metoder/ listing (filled in against search.services)."""


def search_listing(*, filters, page_number: int, user):
    return None

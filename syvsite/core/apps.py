from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "syvsite.core"
    label = "core"
    verbose_name = "Gemensamt"

    def ready(self) -> None:
        from wagtail.models import Page

        from .pagecache.signals import connect_pages
        from .registry import PAGES, register_cached_page

        connect_pages()
        # Every Wagtail page may be cached for anonymous visitors; the page classes of the
        # domains add the tags of what else they show (their AppConfig.ready()).
        register_cached_page(Page, PAGES)

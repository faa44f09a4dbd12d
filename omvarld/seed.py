"""Demo content for `manage.py seed_demo`: the feeds and theme rules of omvärldsbevakningen.

Items are not seeded: they come from the agencies' feeds when `manage.py fetch_feeds` runs
(the scheduler does it; see README), so nothing in the stream is invented.
"""

from guidance_plans.models import NewsTheme
from syvsite.core.seed import demo_data

from .models import Feed, ThemeRule


def run(*, stdout) -> None:
    for data in demo_data("omvarld", "feeds"):
        Feed.objects.update_or_create(
            slug=data["slug"],
            defaults={key: data[key] for key in ("name", "agency", "url", "source_page")},
        )
    themes = {theme.slug: theme for theme in NewsTheme.objects.all()}
    rules = 0
    for data in demo_data("omvarld", "theme_rules"):
        theme = themes.get(data["theme"])
        if theme is None:
            continue
        ThemeRule.objects.update_or_create(
            theme=theme, defaults={"words": "\n".join(data["words"])}
        )
        rules += 1
    stdout.write(f"  {Feed.objects.count()} flöden och {rules} temaregler i omvärldsbevakningen")

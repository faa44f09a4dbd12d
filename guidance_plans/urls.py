from django.urls import path

from .views.activities import activity_bank
from .views.changes import plan_changes
from .views.compare import compare
from .views.coordination import coordination_directory
from .views.feeds import NewsAtomFeed, NewsRssFeed

app_name = "guidance_plans"

# Wagtail serves the pages themselves (/vagledningsplaner/, a municipality, a plan, /nyheter/);
# these paths come first (syvsite/urls.py includes this before Wagtail's catch-all).
urlpatterns = [
    path("vagledningsplaner/jamfor/", compare, name="compare"),
    path("vagledningsplaner/aktiviteter/", activity_bank, name="activities"),
    path("vagledningsplaner/samverkan/", coordination_directory, name="coordination"),
    # A plan's “Vad har ändrats?”: <municipality section>/<plan> are the plan page's own slugs.
    path(
        "vagledningsplaner/<str:section>/<str:plan>/andringar/",
        plan_changes,
        name="plan_changes",
    ),
    path("nyheter/rss/", NewsRssFeed(), name="news_rss"),
    path("nyheter/atom/", NewsAtomFeed(), name="news_atom"),
]

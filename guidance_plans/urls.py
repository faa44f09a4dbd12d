from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed
from .views.activities import activity_bank
from .views.compare import compare
from .views.coordination import coordination_directory

app_name = "guidance_plans"

urlpatterns = [
    path("vagledningsplaner/jamfor/", compare, name="compare"),
    path("vagledningsplaner/aktiviteter/", activity_bank, name="activities"),
    path("vagledningsplaner/samverkan/", coordination_directory, name="coordination"),
    path("nyheter/rss/", NewsRssFeed(), name="news_rss"),
    path("nyheter/atom/", NewsAtomFeed(), name="news_atom"),
]

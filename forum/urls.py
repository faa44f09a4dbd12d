from django.urls import path

from .views import account, moderation, posting, public

app_name = "forum"

# Fixed words come before "forum/<slug>/"; models.RESERVED_SLUGS keeps categories off them.
urlpatterns = [
    path("forum/", public.index, name="index"),
    path("forum/moderering/", moderation.queue, name="moderation"),
    path("forum/moderering/logg/", moderation.log, name="moderation_log"),
    path(
        "forum/moderering/inlagg/<int:pk>/<slug:action>/",
        moderation.post_action,
        name="moderation_post",
    ),
    path("forum/moderering/trad/<int:pk>/", moderation.thread_tools, name="moderation_thread"),
    path("forum/moderering/anvandare/<int:pk>/", moderation.user_tools, name="moderation_user"),
    path(
        "forum/moderering/avstangning/<int:pk>/hav/",
        moderation.lift_suspension,
        name="moderation_lift",
    ),
    path("forum/trad/<int:pk>/", public.thread_short, name="thread_short"),
    path("forum/trad/<int:pk>/svara/", posting.reply, name="reply"),
    path("forum/trad/<int:pk>/folj/", posting.follow_thread, name="follow_thread"),
    path("forum/trad/<int:pk>/<slug:slug>/", public.thread, name="thread"),
    path("forum/inlagg/<int:pk>/", public.post_permalink, name="post"),
    path("forum/inlagg/<int:pk>/redigera/", posting.edit_post, name="edit_post"),
    path("forum/inlagg/<int:pk>/ta-bort/", posting.delete_post, name="delete_post"),
    path("forum/inlagg/<int:pk>/anmal/", posting.report_post, name="report_post"),
    path("forum/mitt-forum/", account.my_subscriptions, name="my_forum"),
    path(
        "forum/mitt-forum/prenumeration/<int:pk>/ta-bort/",
        account.remove_subscription,
        name="remove_subscription",
    ),
    path("forum/avsluta-prenumeration/<str:token>/", account.unsubscribe, name="unsubscribe"),
    path("forum/<slug:slug>/", public.category, name="category"),
    path("forum/<slug:slug>/ny-trad/", posting.new_thread, name="new_thread"),
    path("forum/<slug:slug>/folj/", posting.follow_category, name="follow_category"),
]

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from tracker.views import articles

urlpatterns = [
    path("", articles.home, name="home"),
    path("articles/new/", articles.article_new, name="article-new"),
    path("articles/upload/", articles.article_upload, name="article-upload"),
    path("articles/<int:article_id>/", articles.article_detail, name="article-detail"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]

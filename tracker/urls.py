from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from tracker import views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/new/", views.article_new, name="article-new"),
    path("articles/upload/", views.article_upload, name="article-upload"),
    path("articles/<int:article_id>/", views.article_detail, name="article-detail"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]

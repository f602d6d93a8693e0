import pytest

from tracker.models import Outlet
from tracker.services.articles import article_import
from tracker.services.outlets import outlet_find, outlet_resolve

pytestmark = pytest.mark.django_db


def test_one_outlet_in_two_scripts_and_spellings():
    latin = outlet_resolve(name="Al Mayadeen", domain="www.almayadeen.net", language="en")
    assert outlet_resolve(name="الميادين") == latin
    assert outlet_resolve(name="AL-MAYADEEN") == latin
    assert outlet_resolve(name="Al Mayadeen English", domain="almayadeen.net") == latin  # same site
    assert Outlet.objects.count() == 1
    assert set(latin.aliases.values_list("alias", flat=True)) >= {"Al Mayadeen", "الميادين"}


def test_different_outlets_stay_apart():
    jazeera = outlet_resolve(name="Al Jazeera")
    arabiya = outlet_resolve(name="العربية")
    assert jazeera != arabiya and outlet_resolve(name="الجزيرة") == jazeera
    assert outlet_resolve(name="BBC") != outlet_resolve(name="CNN")
    # Too short to tell by consonants alone: never matched across scripts.
    assert outlet_find(name="ان") is None


def test_import_uses_the_outlet_in_the_other_script():
    first = article_import(title="Talks", body="The envoy said talks go on.", outlet="Al Mayadeen", language="en")
    second = article_import(title="محادثات", body="قال المبعوث إن المحادثات مستمرة.", outlet="الميادين", language="ar")
    assert first.article.outlet_id == second.article.outlet_id

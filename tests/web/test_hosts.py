# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""The Host header check: a DNS-rebinding page reaching 127.0.0.1 under its own name gets
a 400 in the API's one error shape; the bound address and the listed names are answered."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import corpus, store_path  # noqa: F401 - fixtures

from newsgraph.web import create_app
from newsgraph.web.app import allowed_hosts_for, host_name


@pytest.fixture
def served(store_path):
    def make(bound: str, *extra: str) -> TestClient:
        app = create_app(str(store_path), allowed_hosts=allowed_hosts_for(bound, extra))
        return TestClient(app, base_url=f"http://{bound}:8000")

    return make


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"])
def test_hosts_loopback_names_answered(served, host):
    r = served("127.0.0.1").get("/api/articles", headers={"host": host})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""]
)
def test_hosts_other_host_refused_with_the_error_shape(served, host):
    r = served("127.0.0.1").get("/api/articles", headers={"host": host})
    assert r.status_code == 400
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == "bad_request"
    assert body["error"]["detail"][0]["parameter"] == "Host"
    assert repr(host) in body["error"]["detail"][0]["problem"]
    page = served("127.0.0.1").get("/", headers={"host": host})  # the UI refuses too, as a page
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")


def test_hosts_listed_names_and_wildcard(served):
    client = served("0.0.0.0", "news.example.org")
    assert client.get("/api/articles", headers={"host": "news.example.org"}).status_code == 200
    assert client.get("/api/articles", headers={"host": "0.0.0.0:8000"}).status_code == 200
    assert client.get("/api/articles", headers={"host": "localhost"}).status_code == 400
    anyhost = served("0.0.0.0", "*")
    assert anyhost.get("/api/articles", headers={"host": "whatever"}).status_code == 200


@pytest.mark.parametrize(
    ("header", "name"),
    [("Example.org:80", "example.org"), ("[::1]:8000", "::1"), ("::1", "::1"), ("a.b", "a.b")],
)
def test_hosts_host_name_drops_the_port(header, name):
    assert host_name(header) == name

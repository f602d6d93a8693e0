"""Fetching a page or feed from the web for an import, safely.

Every request resolves the host name once, refuses the address when it is not a public one
(loopback, private, link-local, multicast, reserved: no SSRF into the newsroom's own network)
unless ``TRACKER_FETCH_ALLOW_PRIVATE`` is on, and then connects to exactly the address it
checked, so a second DNS answer cannot swap in another one. Redirects are followed by hand and
every hop is checked again. Bodies are read in chunks up to ``TRACKER_FETCH_MAX_BYTES``
(decompressed), within ``TRACKER_FETCH_TIMEOUT`` seconds in all.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from tracker.services.articles import ImportRejected

logger = logging.getLogger("tracker.fetch")

MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_VALIDATE = URLValidator(schemes=["http", "https"])


class FetchRefused(ImportRejected):
    """A URL that was not fetched, or whose answer is unusable; the message says why."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    data: bytes
    headers: dict[str, str]

    def text(self) -> str:
        from tracker.services.imports import decode_text

        if self.charset:
            try:
                return self.data.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode_text(self.data, self.url)


def url_clean(url: str) -> str:
    """A URL an editor typed, checked: http(s), a host, no fragment."""
    url = (url or "").strip()
    if len(url) > 2000:
        raise FetchRefused("The URL is longer than 2,000 characters.")
    try:
        _VALIDATE(url)
    except ValidationError as exc:
        raise FetchRefused(f"{url[:200]!r} is not a valid http(s) URL.") from exc
    return url.split("#", 1)[0]


def _allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve_public(host: str, port: int) -> str:
    """The address to connect to: every address the name resolves to must be allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"{host}: the host name does not resolve.") from exc
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchRefused(f"{host}: the host name does not resolve.")
    if not settings.TRACKER_FETCH_ALLOW_PRIVATE:
        refused = [a for a in addresses if not _allowed(a)]
        if refused:
            raise FetchRefused(
                f"{host} resolves to {refused[0]}, a private or local address: the server does not fetch those."
            )
    return addresses[0]


def _request(url: str, *, accept: str, deadline: float, extra_headers: dict[str, str]):
    parts = urlsplit(url)
    try:
        # International domain names travel as IDNA (xn--…) in DNS, the Host header and TLS.
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise FetchRefused(f"{url[:200]}: the host name is not valid.") from exc
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchRefused(f"{url[:200]}: the port is not a number.") from exc
    address = resolve_public(host, port)
    remaining = max(0.5, deadline - time.monotonic())
    timeout = urllib3.Timeout(connect=min(remaining, settings.TRACKER_FETCH_TIMEOUT), read=remaining)
    common = {"port": port, "timeout": timeout, "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        # The connection goes to the checked address; the certificate must still name the host.
        pool = urllib3.HTTPSConnectionPool(
            address,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=settings.TRACKER_FETCH_CA_BUNDLE or None,
            **common,
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, **common)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    default_port = 443 if parts.scheme == "https" else 80
    host_header = host if port == default_port else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        host_header = f"[{host}]" if port == default_port else f"[{host}]:{port}"
    headers = {
        "Host": host_header,
        "User-Agent": settings.TRACKER_FETCH_USER_AGENT,
        "Accept": accept,
        "Accept-Encoding": "gzip, deflate",
        **extra_headers,
    }
    return pool, pool.urlopen(
        "GET", path, headers=headers, redirect=False, preload_content=False, assert_same_host=False
    )


def _read(response, *, url: str, deadline: float) -> bytes:
    limit = settings.TRACKER_FETCH_MAX_BYTES
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchRefused(f"{url[:200]}: the page is {int(declared):,} bytes, over the limit of {limit:,} bytes.")
    chunks, size = [], 0
    for chunk in response.stream(64 * 1024, decode_content=True):
        size += len(chunk)
        if size > limit:
            raise FetchRefused(f"{url[:200]}: the page is over the limit of {limit:,} bytes.")
        if time.monotonic() > deadline:
            raise FetchRefused(f"{url[:200]}: the server took longer than {settings.TRACKER_FETCH_TIMEOUT:g} s.")
        chunks.append(chunk)
    return b"".join(chunks)


def url_fetch(*, url: str, accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", headers=None) -> Fetched:
    """GET one URL (following up to five redirects); raises FetchRefused with a message."""
    url = url_clean(url)
    deadline = time.monotonic() + settings.TRACKER_FETCH_TIMEOUT
    for _hop in range(MAX_REDIRECTS + 1):
        pool = response = None
        try:
            pool, response = _request(url, accept=accept, deadline=deadline, extra_headers=headers or {})
            if response.status in _REDIRECTS and response.headers.get("Location"):
                url = url_clean(urljoin(url, response.headers["Location"]))
                continue
            if response.status == 304:
                return Fetched(url, 304, "", None, b"", dict(response.headers))
            if response.status >= 400:
                raise FetchRefused(f"{url[:200]}: the server answered {response.status} {response.reason or ''}.")
            data = _read(response, url=url, deadline=deadline)
        except urllib3.exceptions.TimeoutError as exc:
            raise FetchRefused(
                f"{url[:200]}: the server took longer than {settings.TRACKER_FETCH_TIMEOUT:g} s."
            ) from exc
        except urllib3.exceptions.SSLError as exc:
            raise FetchRefused(f"{url[:200]}: the secure connection failed ({exc}).") from exc
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchRefused(f"{url[:200]}: the server could not be reached ({type(exc).__name__}).") from exc
        finally:
            if response is not None:
                response.release_conn()
            if pool is not None:
                pool.close()
        content_type = response.headers.get("Content-Type", "")
        mime, _, params = content_type.partition(";")
        charset = None
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        logger.info(
            "fetched url=%s status=%s bytes=%s",
            url,
            response.status,
            len(data),
            extra={"event": "url_fetched", "url": url, "status": response.status, "bytes": len(data)},
        )
        return Fetched(url, response.status, mime.strip().lower(), charset, data, dict(response.headers))
    raise FetchRefused(f"{url[:200]}: more than {MAX_REDIRECTS} redirects.")

"""Finding the venue hub on the local network with zeroconf (multicast DNS service discovery, RFC 6762/6763), as
printers and phones are found: the hub announces ``_openday._tcp.local.`` with the event's uuid and its
certificate's fingerprint in the TXT record, and a device browses for the hub of its event. Where multicast does
not get through (some hotspots, guest networks), the address typed from the pairing code is used instead.

python-zeroconf (pure Python, no system daemon: Windows has no Bonjour by default) does the protocol.

Nothing is announced or browsed on the loopback: a hub bound to 127.0.0.1 (the tests', the benches') sends no
multicast at all. What a found hub says is never trusted by itself: the device still pins the certificate by the
fingerprint it was given at pairing, so an announcement only tells where to knock."""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
from dataclasses import dataclass

log = logging.getLogger(__name__)

SERVICE_TYPE = "_openday._tcp.local."
TXT_EVENT, TXT_FINGERPRINT, TXT_VERSION = "event", "fp", "v"


@dataclass(frozen=True)
class Found:
    host: str
    port: int
    event_uuid: str
    fingerprint: str


def may_use(address: str) -> bool:
    """Whether announcing on (or browsing from) ``address`` is allowed: never on the loopback or an unspecified
    or unknown address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_multicast)


def service_name(event_uuid: str, fingerprint: str) -> str:
    return f"openday-{event_uuid[:8]}-{fingerprint[:8]}.{SERVICE_TYPE}"


def properties(event_uuid: str, fingerprint: str) -> dict[str, str]:
    """The TXT record of an announcement."""
    return {TXT_VERSION: "1", TXT_EVENT: event_uuid, TXT_FINGERPRINT: fingerprint}


def parse(properties: dict, addresses: list[str], port: int) -> Found | None:
    """A hub from an announcement's TXT record and addresses (None when it is not one of ours)."""
    def text(key: str) -> str:
        value = properties.get(key.encode()) if key.encode() in properties else properties.get(key)
        return value.decode("utf-8", "replace") if isinstance(value, bytes) else (value or "")

    event, fingerprint = text(TXT_EVENT), text(TXT_FINGERPRINT).lower()
    usable = [a for a in addresses if may_use(a)]
    if text(TXT_VERSION) != "1" or len(event) != 32 or len(fingerprint) != 64 or not usable or not 0 < port < 65536:
        return None
    return Found(usable[0], port, event, fingerprint)


class Announcement:
    """The hub's announcement while it is switched on (``close()`` withdraws it)."""

    def __init__(self, zeroconf, info):
        self._zeroconf, self._info = zeroconf, info

    def close(self) -> None:
        try:
            self._zeroconf.unregister_service(self._info)
        except Exception:  # noqa: BLE001 - the network may be gone already
            log.debug("zeroconf: withdrawing the announcement failed", exc_info=True)
        finally:
            self._zeroconf.close()


def announce(event_uuid: str, fingerprint: str, address: str, port: int) -> Announcement | None:
    """Announce the hub on ``address`` (only there); None on the loopback, or when the network refuses."""
    if not may_use(address):
        return None
    try:
        from zeroconf import ServiceInfo, Zeroconf

        info = ServiceInfo(SERVICE_TYPE, service_name(event_uuid, fingerprint),
                           addresses=[socket.inet_pton(socket.AF_INET6 if ":" in address else socket.AF_INET,
                                                       address)],
                           port=port, properties=properties(event_uuid, fingerprint),
                           server=f"openday-hub-{fingerprint[:8]}.local.")
        zeroconf = Zeroconf(interfaces=[address])
        zeroconf.register_service(info)
    except Exception:  # noqa: BLE001 - devices can still use the typed address
        log.warning("zeroconf: the hub could not be announced on %s; devices use the address of the code",
                    address, exc_info=True)
        return None
    log.info("zeroconf: hub announced on %s:%s", address, port)
    return Announcement(zeroconf, info)


def find_hub(event_uuid: str, fingerprint: str, *, near: str, timeout: float = 3.0) -> Found | None:
    """Browse for the hub of the event with this fingerprint, for at most ``timeout`` seconds, on the interface
    of ``near`` (the hub's last known address: the device is on its network). None on the loopback or when
    nothing answered."""
    if not may_use(near):
        return None
    try:
        from zeroconf import ServiceBrowser, ServiceStateChange, Zeroconf
    except ImportError:
        return None
    local = _local_address_towards(near)
    if local is None or not may_use(local):
        return None
    found: list[Found] = []
    done = threading.Event()
    try:
        zeroconf = Zeroconf(interfaces=[local])
    except Exception:  # noqa: BLE001 - no multicast here
        log.debug("zeroconf: cannot browse from %s", local, exc_info=True)
        return None

    def changed(zeroconf, service_type, name, state_change):
        if state_change is not ServiceStateChange.Added:
            return
        info = zeroconf.get_service_info(service_type, name, timeout=int(timeout * 1000))
        if info is None:
            return
        hub = parse(info.properties or {}, info.parsed_addresses(), info.port or 0)
        if hub and hub.event_uuid == event_uuid and hub.fingerprint == fingerprint:
            found.append(hub)
            done.set()

    try:
        browser = ServiceBrowser(zeroconf, SERVICE_TYPE, handlers=[changed])
        done.wait(timeout)
        browser.cancel()
    finally:
        zeroconf.close()
    return found[0] if found else None


def _local_address_towards(address: str) -> str | None:
    """This machine's address on the interface that reaches ``address`` (a UDP socket's route lookup; nothing
    is sent)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect((address, 9))
            return probe.getsockname()[0]
    except OSError:
        return None

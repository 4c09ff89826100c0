"""Loaded by every Python process of the offline test (via PYTHONPATH): every attempt to
reach the network — connecting or sending on an internet socket (IPv4/IPv6), or a name
lookup — is written to $NO_NETWORK_LOG and refused. Creating and binding a socket is
allowed (urllib3 probes IPv6 support that way at import time), and Unix sockets are
untouched: multiprocessing uses them between the app and its workers."""

import os
import socket
import traceback

_INTERNET = (socket.AF_INET, socket.AF_INET6)


def _record(what):
    with open(os.environ["NO_NETWORK_LOG"], "a") as log:
        log.write(f"{what} (pid {os.getpid()})\n" + "".join(traceback.format_stack(limit=6)))
    raise PermissionError("network access is blocked in this test")


class _GuardedSocket(socket.socket):
    def connect(self, address):
        if self.family in _INTERNET:
            _record(f"connect to {address!r}")
        return super().connect(address)

    def connect_ex(self, address):
        if self.family in _INTERNET:
            _record(f"connect to {address!r}")
        return super().connect_ex(address)

    def sendto(self, *args):
        if self.family in _INTERNET:
            _record(f"sendto {args[-1]!r}")
        return super().sendto(*args)


def _lookup(*args, **kwargs):
    _record(f"name lookup {args[:2]!r}")


socket.socket = _GuardedSocket
socket.getaddrinfo = _lookup
socket.gethostbyname = _lookup

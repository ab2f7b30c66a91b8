"""`python -m helpdesk_sandbox --port 8090`: a seeded help desk on 127.0.0.1.

Prints the `[[source]]` table to paste into followthrough.toml.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import signal
import sys
from datetime import UTC, datetime

from helpdesk_sandbox.freshdesk_face import FreshdeskFace
from helpdesk_sandbox.seed import bulk, seed_week
from helpdesk_sandbox.server import RateLimit, SandboxServer
from helpdesk_sandbox.zendesk_face import ZendeskFace


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpdesk_sandbox",
        description="A local help desk with a realistic week of support, for trying "
        "Follow-through without an account. Example: python -m helpdesk_sandbox --port 8090",
    )
    parser.add_argument("--port", type=int, default=8090, help="port on 127.0.0.1 (0: any)")
    parser.add_argument(
        "--face", choices=["zendesk", "freshdesk"], default="zendesk", help="API to speak"
    )
    parser.add_argument(
        "--bulk", type=int, default=0, metavar="N", help="N generated tickets instead of the week"
    )
    parser.add_argument("--comments", type=int, default=0, help="comments for --bulk (5 × N)")
    parser.add_argument("--page-size", type=int, default=100, help="items per export page")
    parser.add_argument(
        "--rate-limit", type=int, default=0, help="requests a minute before 429 (0: none)"
    )
    parser.add_argument(
        "--token-env",
        default="SANDBOX_TOKEN",
        help="environment variable holding the API token to accept (default SANDBOX_TOKEN; "
        "a random one is made when it is unset)",
    )
    args = parser.parse_args(argv)
    now = datetime.now(UTC)
    seeded = bulk(now, args.bulk, args.comments or 5 * args.bulk) if args.bulk else seed_week(now)
    seeded.clock.now = now
    seeded.store.clock = lambda: datetime.now(UTC)  # live from here on
    token = os.environ.get(args.token_env) or secrets.token_urlsafe(16)
    if args.face == "freshdesk":
        face: ZendeskFace | FreshdeskFace = FreshdeskFace(
            seeded.store, api_user=seeded.api_user, api_key=token
        )
    else:
        face = ZendeskFace(
            seeded.store, api_user=seeded.api_user, token=token, page_size=args.page_size
        )
    limit = RateLimit(args.rate_limit, "5") if args.rate_limit else None
    server = SandboxServer(face, port=args.port, rate_limit=limit).start()
    print(f"sandbox help desk ({args.face}) on {server.url}: {len(seeded.store.tickets)} tickets")
    print("add to followthrough.toml:\n")
    print(f'[[source]]\nname = "sandbox"\ntype = "{args.face}"\nurl = "{server.url}"')
    if args.face == "freshdesk":
        print('api_key_env = "SANDBOX_TOKEN"')
    else:
        print(f'email = "{seeded.api_user.email}"\ntoken_env = "SANDBOX_TOKEN"')
    if args.token_env not in os.environ:
        print(f"\nand run: export SANDBOX_TOKEN={token}")
    sys.stdout.flush()
    with contextlib.suppress(KeyboardInterrupt):
        signal.pause()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput of the mailbox connector.

- parsing: the 35 real-client messages of tests/imap/eml parsed and cleaned over and
  over (messages/second, median of 5 runs);
- polling: a real Dovecot on loopback (started here, as root, like the tests do) holding
  N messages in threads; one full pass of the connector (messages/second, IMAP
  commands, pages), then the same pass into SQLite through the sync runner.

Run:  python benchmarks/imap_bench.py [--messages 2000] [--batch-size 100]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from integrations.imap.connector import ImapConnector
from integrations.imap.parsing import parse_message
from integrations.registry import install
from tests.helpers.imap.dovecot import Dovecot, unavailable
from tests.helpers.imap.mails import mail

EML = Path(__file__).resolve().parents[1] / "tests" / "imap" / "eml"
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def bench_parsing(rounds: int = 60) -> None:
    raws = [p.read_bytes() for p in sorted(EML.glob("*.eml"))]
    rates = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(rounds):
            for raw in raws:
                parse_message(raw)
        rates.append(rounds * len(raws) / (time.perf_counter() - started))
    print(
        f"parse+clean: {statistics.median(rates):,.0f} messages/s "
        f"(median of 5 runs of {rounds * len(raws)} messages)"
    )


def seed(count: int) -> tuple[list[bytes], list[bytes]]:
    inbox, sent = [], []
    start = datetime(2024, 5, 1, tzinfo=UTC)
    for n in range(count // 2):
        root = f"<q{n}@bench.example>"
        at = start + timedelta(minutes=n)
        inbox.append(
            mail(
                f"Customer {n} <c{n}@example.com>",
                "support@acme.example",
                f"Question {n}",
                "Hello,\n\nWhere is my order?\n\nThanks",
                message_id=root,
                sent=at,
            )
        )
        sent.append(
            mail(
                "Tom <tom@acme.example>",
                f"c{n}@example.com",
                f"Re: Question {n}",
                "Hi,\n\nI'll check with the warehouse and get back to you tomorrow.",
                message_id=f"<r{n}@acme.example>",
                sent=at + timedelta(hours=1),
                in_reply_to=root,
                references=[root],
                quote="Where is my order?",
            )
        )
    return inbox, sent


def bench_polling(count: int, batch_size: int) -> None:
    reason = unavailable()
    if reason:
        print(f"polling: skipped ({reason})")
        return
    directory = Path(tempfile.mkdtemp(prefix="ft-dovecot-bench-"))
    server = Dovecot(directory, {"support@acme.example": "bench"})
    server.start()
    try:
        from imapclient import IMAPClient

        inbox, sent = seed(count)
        with IMAPClient("127.0.0.1", port=server.port, ssl=False) as client:
            client.login("support@acme.example", "bench")
            client.create_folder("Sent")
            for folder, raws in (("INBOX", inbox), ("Sent", sent)):
                for raw in raws:
                    client.append(folder, raw)
        from integrations.imap.client import ImapSettings

        settings = ImapSettings(
            "127.0.0.1", server.port, "support@acme.example", "bench", tls=False
        )
        connector = ImapConnector(
            "bench",
            settings,
            folders=["INBOX", "Sent"],
            agent_addresses=["*@acme.example"],
            batch_size=batch_size,
        )
        started = time.perf_counter()
        pages = list(connector.pages(None, NOW))
        seconds = time.perf_counter() - started
        total = sum(len(p.messages) for p in pages)
        print(
            f"poll: {total} messages in {seconds:.2f} s = {total / seconds:,.0f} messages/s, "
            f"{len(pages)} pages, {connector.stats.calls} IMAP commands"
        )

        from tracker.config import Config, SourceConfig
        from tracker.db import make_engine, upgrade
        from tracker.durations import parse_duration
        from tracker.ingest.sync import sync_source

        install()
        url = f"sqlite:///{directory / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        source = SourceConfig("bench", "imap", parse_duration("2m"), parse_duration("30d"), {})
        started = time.perf_counter()
        fresh = ImapConnector(
            "bench",
            settings,
            folders=["INBOX", "Sent"],
            agent_addresses=["*@acme.example"],
            batch_size=batch_size,
        )
        report = sync_source(engine, Config(sources=[source]), source, now=NOW, connector=fresh)
        seconds = time.perf_counter() - started
        print(
            f"poll+ingest (SQLite): {report.messages} messages, {report.promises} promises "
            f"in {seconds:.2f} s = {report.messages / seconds:,.0f} messages/s"
            + (f" (error: {report.error})" if report.error else "")
        )
        engine.dispose()
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args()
    bench_parsing()
    bench_polling(args.messages, args.batch_size)


if __name__ == "__main__":
    main()

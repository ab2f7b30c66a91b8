"""The mailbox tests' helpers: a real Dovecot, mail builders, a proxy, a seeded week."""

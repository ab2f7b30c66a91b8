"""A local help desk for tests, demos and benchmarks: a neutral store with vendor faces.

    from helpdesk_sandbox.seed import seed_week
    from helpdesk_sandbox.server import SandboxServer
    from helpdesk_sandbox.zendesk_face import ZendeskFace

    seeded = seed_week(now)                      # store, clock, api_user, agents, tickets…
    face = ZendeskFace(seeded.store, api_user=seeded.api_user, token=token)
    with SandboxServer(face) as server:          # 127.0.0.1, port 0 = any free port
        ...                                      # [[source]] url = server.url,
                                                 # email = seeded.api_user.email

`seeded.clock.advance(timedelta(...))` moves the help desk's time (exports leave out
the last minute, as Zendesk does).
"""

"""The background service (`followthrough run`): scheduler, leases, health, metrics, logs."""

"""Follow-through: makes sure customer-support promises are kept."""

__version__ = "0.1.0"

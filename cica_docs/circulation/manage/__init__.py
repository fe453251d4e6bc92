"""Reference-data pages for administrators: member states, delegates, circulation lists."""

from cica_docs.accounts.access import manager_required

__all__ = ["manager_required"]

"""What a render can fail with: a `RenderError` always says why, and no partial output."""


class RenderError(Exception):
    """The document could not be rendered; the message says why (no partial output)."""


class RenderTooLarge(RenderError):
    pass


class RenderTimeout(RenderError):
    pass


class RenderCrashed(RenderError):
    """The render process stopped without an answer (killed, out of memory…)."""

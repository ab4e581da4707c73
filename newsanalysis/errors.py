"""Exceptions raised by newsanalysis."""


class NewsAnalysisError(Exception):
    """Base class of newsanalysis errors."""


class InputError(NewsAnalysisError, ValueError):
    """An input (file, row, table) could not be read; the message names the input."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

"""Extractors: quotes, meetings, dates and sentiment. Each reads a Document; none plots."""

"""Date expressions resolved against the publication date (placeholder)."""

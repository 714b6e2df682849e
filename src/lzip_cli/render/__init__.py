"""Output formats: one module per format, each turning results into text."""

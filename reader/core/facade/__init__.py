"""The parts of the ``Library`` facade, one domain per module (``Library`` combines them)."""

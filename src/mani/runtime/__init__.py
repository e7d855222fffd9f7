"""The runtime: value representation, operators, loops, errors, meter."""

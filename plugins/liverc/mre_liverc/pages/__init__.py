"""One parser per LiveRC page: HTML text in, mre records out, no I/O."""

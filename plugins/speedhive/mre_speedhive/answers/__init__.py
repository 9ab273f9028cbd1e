"""Readers of the API's JSON answers, one module per kind of answer.

Each takes the text and URL of one answer and returns plain values or
records; a shape it cannot read is a ParseError naming the URL and the
place in the answer, never a KeyError or TypeError.
"""

"""The connector kit: what a connector's author tests with.

`fault_server`: a site on loopback with fault injection; `cassettes`: a
recorded cassette's pages; `rules`: what every connector's records must
satisfy; `conformance`: the suite, run as a pytest plugin
(`pytest --mre-connector NAME --mre-cassettes DIR`).
"""

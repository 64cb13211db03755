"""The widgets' private user-interface helpers: HTML snippets, layout helpers, charts, and what
the writing activities' widgets share.

Nothing here is imported by ``import coursework_kit``; ipywidgets and matplotlib are loaded only
by the modules (and functions) that draw.
"""

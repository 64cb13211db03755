"""The search widgets (:mod:`.widget`, loaded only when asked for): how a page and an ad
would show on a search engine results page."""

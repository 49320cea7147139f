//! TimeML scoring: strict-span, relaxed-span and value F1 of the temporal tagger against TIMEX3 gold.

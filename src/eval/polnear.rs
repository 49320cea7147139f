//! PolNeAR attribution scoring: source-span and content-overlap F1 of claims against brat standoff gold.

"""Periodisation, weekly scheduling, session building and their explanations."""

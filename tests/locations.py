"""Where the tests' data and the repository are, for test modules at any depth."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
CORPUS = TESTS / "corpus"

import sys
from pathlib import Path

# The API is a single module next to this folder, not an installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

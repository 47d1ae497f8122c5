import sys
from pathlib import Path

# The scripts are run as files by the workflows, not installed as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

"""Multiple systems estimation: how many people no list recorded, with an honest interval."""

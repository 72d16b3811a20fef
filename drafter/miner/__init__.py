"""The miner: phrase-bank candidates from an archive of past speeches."""

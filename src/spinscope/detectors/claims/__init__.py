"""Check-worthy claims: which sentences assert a checkable fact, who stands behind them, and which numbers they rest on."""

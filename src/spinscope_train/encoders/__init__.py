"""Making the shipped sentence encoder (``spinscope train encoder``)."""

"""Article genre: reporting, opinion or satire."""

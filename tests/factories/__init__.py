"""factory_boy factories for the suite."""

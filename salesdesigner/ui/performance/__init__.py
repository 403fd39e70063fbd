"""On screen: the performance overlay's state and the dashboard dock (issue 10)."""

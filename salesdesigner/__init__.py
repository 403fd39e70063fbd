"""SalesDesigner: design a sales process, print it as a manual, hand it to reps as a playbook."""

__version__ = "0.1.0"

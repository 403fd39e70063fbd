"""The application's dialogs: new document from a template, preferences, about."""

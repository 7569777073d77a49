"""Pages of the app; thin: parse input, call access_…, call one service, render."""

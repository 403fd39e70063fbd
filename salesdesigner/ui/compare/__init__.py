"""Compare mode: the current draft against another version of the process — an overlay
on the canvas, a side-by-side view and a change list whose entries can be taken back.

Everything here renders or reads; the only document change is "Take the old value back",
which goes through an edit (:mod:`salesdesigner.edits.take_back`) and the undo stack."""

#!/bin/sh
# Remove what install.sh put in your home folder.  Documents (.salesdesign files) and
# settings are left alone.
set -eu
data="${XDG_DATA_HOME:-$HOME/.local/share}"
lib="$HOME/.local/lib/salesdesigner"
rm -f "$HOME/.local/bin/salesdesigner" "$data/applications/salesdesigner.desktop" \
      "$data/mime/packages/salesdesigner.xml"
for dir in "$data"/icons/hicolor/*/apps "$data"/icons/hicolor/*/mimetypes; do
  rm -f "$dir/salesdesigner.png" "$dir/salesdesigner.svg" \
        "$dir/application-x-salesdesign.png" "$dir/application-x-salesdesign.svg"
done
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime" ]; then
  update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
  update-desktop-database -q "$data/applications" || true
fi
case "$lib" in
  */.local/lib/salesdesigner) rm -rf "$lib" ;;  # never anything but our own folder
esac
echo "removed SalesDesigner (your documents were not touched)"

#!/bin/sh
# Install SalesDesigner for this user, from the folder this script is in (the unpacked
# download): no administrator rights, nothing outside your home folder.
#
#   ./install.sh            copy the application to ~/.local/lib/salesdesigner, put the
#                           command in ~/.local/bin, and register the menu entry, the
#                           .salesdesign document type and the icons (XDG_DATA_HOME or
#                           ~/.local/share)
#   ./uninstall.sh          removes all of that again; your documents stay where they are
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
lib="$HOME/.local/lib/salesdesigner"
bin="$HOME/.local/bin"

if [ "$here" != "$lib" ]; then
  rm -rf "$lib.new"
  mkdir -p "$(dirname "$lib")"
  cp -R "$here" "$lib.new"
  rm -rf "$lib"
  mv "$lib.new" "$lib"
fi
mkdir -p "$bin" "$data/applications" "$data/mime/packages" "$data/icons"
ln -sf "$lib/salesdesigner" "$bin/salesdesigner"

# the menu entry runs this copy, wherever PATH points
sed -e "s|^Exec=salesdesigner|Exec=\"$lib/salesdesigner\"|" \
    -e "s|^TryExec=salesdesigner|TryExec=$lib/salesdesigner|" \
    "$lib/share/applications/salesdesigner.desktop" > "$data/applications/salesdesigner.desktop"
cp "$lib/share/mime/packages/salesdesigner.xml" "$data/mime/packages/salesdesigner.xml"
cp -R "$lib/share/icons/hicolor" "$data/icons/"

# refresh the caches the desktop reads (each tool is optional: skipped when missing)
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$data/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
fi
if command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime default salesdesigner.desktop application/x-salesdesign || true
fi
echo "installed SalesDesigner in $lib (command: $bin/salesdesigner)"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on your PATH; the menu entry works regardless" ;;
esac

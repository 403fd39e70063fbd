#!/bin/sh
# Pack the Linux bundle (dist/SalesDesigner, from installer/build.py) as one
# dist/SalesDesigner-<version>-x86_64.AppImage: a single file that runs on most
# distributions without installing. Needs appimagetool on PATH (from the AppImage project;
# it is not in the package registries this project builds from, so CI does not run this).
#
#   sh installer/linux/appimage.sh VERSION
#
# Desktop integration of an AppImage is left to the user's AppImage launcher; for a menu
# entry and the .salesdesign type without one, use the tarball's install.sh.
set -eu
version=${1:?usage: appimage.sh VERSION}
root=$(cd "$(dirname "$0")/../.." && pwd)
bundle="$root/dist/SalesDesigner"
[ -x "$bundle/salesdesigner" ] || { echo "error: run python installer/build.py first" >&2; exit 1; }
command -v appimagetool >/dev/null || { echo "error: appimagetool is not installed" >&2; exit 1; }

appdir=$(mktemp -d)/SalesDesigner.AppDir
trap 'rm -rf "$(dirname "$appdir")"' EXIT
mkdir -p "$appdir/usr/lib" "$appdir/usr/share"
cp -R "$bundle" "$appdir/usr/lib/salesdesigner"
cp -R "$bundle/share/icons" "$bundle/share/mime" "$appdir/usr/share/"
cp "$bundle/share/applications/salesdesigner.desktop" "$appdir/salesdesigner.desktop"
cp "$bundle/share/icons/hicolor/256x256/apps/salesdesigner.png" "$appdir/salesdesigner.png"
ln -s salesdesigner.png "$appdir/.DirIcon"
cat > "$appdir/AppRun" <<'RUN'
#!/bin/sh
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/lib/salesdesigner/salesdesigner" "$@"
RUN
chmod +x "$appdir/AppRun"
ARCH=x86_64 appimagetool "$appdir" "$root/dist/SalesDesigner-$version-x86_64.AppImage"

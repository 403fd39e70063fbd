#!/bin/sh
# Pack dist/SalesDesigner.app (made by installer/build.py on a Mac) as
# dist/SalesDesigner-<version>.dmg: the app and a link to /Applications to drag it onto.
#
#   sh installer/macos/make-dmg.sh VERSION
#
# Signing: set CODESIGN_IDENTITY ("Developer ID Application: …") to sign the app (hardened
# runtime) before packing; without it the app is signed ad hoc, which runs on the Mac
# that built it and, elsewhere, after right-click ▸ Open. Notarize the dmg afterwards with
# `xcrun notarytool submit … --wait` and `xcrun stapler staple`.
# Not run on this project's Linux machines: reviewed by reading, tested on a Mac by hand.
set -eu
version=${1:?usage: make-dmg.sh VERSION}
root=$(cd "$(dirname "$0")/../.." && pwd)
app="$root/dist/SalesDesigner.app"
out="$root/dist/SalesDesigner-$version.dmg"
[ -d "$app" ] || { echo "error: $app is missing; run python installer/build.py first" >&2; exit 1; }

codesign --force --deep --options runtime --timestamp \
  --sign "${CODESIGN_IDENTITY:--}" "$app"
codesign --verify --deep --strict "$app"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$out"
hdiutil create -volname "SalesDesigner $version" -srcfolder "$staging" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 -ov "$out"
echo "wrote $out"
